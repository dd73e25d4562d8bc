package io.daos.client.pool;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.rpc.EngineRpc;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RpcReply;
import io.daos.proto.pool.PoolOpReply;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one pool's service (pool and container RPCs), as DAOS's {@code rsvc} client does: the known leader first;
 * DER_NOTLEADER with a hint goes to the hinted leader; DER_NOTREPLICA, DER_UNREACH, DER_TIMEDOUT (and NOTLEADER
 * without a hint) go to the next replica; later rounds back off ({@link RetryPolicy}).
 */
public final class ServiceClient {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);
  private static final Set<DaosStatus> NEXT_REPLICA = Set.of(DaosStatus.NOTREPLICA, DaosStatus.UNREACH,
      DaosStatus.TIMEDOUT, DaosStatus.NOTLEADER, DaosStatus.SHUTDOWN);

  private final EngineRpc rpc;
  private final String pool;
  private final List<Integer> replicas;
  private final RetryPolicy retry;
  private volatile int leader;
  private volatile IntConsumer mapVersionSink = v -> { };

  public ServiceClient(EngineRpc rpc, String pool, List<Integer> replicas, RetryPolicy retry) {
    if (replicas.isEmpty()) {
      throw new DaosException(DaosStatus.UNREACH, "pool " + pool + " has no service replicas");
    }
    this.rpc = rpc;
    this.pool = pool;
    this.replicas = List.copyOf(replicas);
    this.retry = retry;
    this.leader = replicas.get(0);
  }

  /** Who hears of map versions in replies (the pool, to refresh its map). */
  public void onMapVersion(IntConsumer sink) {
    this.mapVersionSink = sink;
  }

  int leader() {
    return leader;
  }

  public List<Integer> replicas() {
    return replicas;
  }

  /** Calls the service; {@code opOf} finds the pool reply header in the reply body. */
  public <T> CompletableFuture<T> call(Opcode opc, MessageLite req, Parser<T> parser, Function<T, PoolOpReply> opOf) {
    return attempt(opc, new Requests(req, null), parser, opOf, leader, 0, null);
  }

  /**
   * Calls the service with {@code first}, and each retry with {@code retryReq.apply(attempt)}, built off the RPC
   * threads (pool connect sends a fresh single-use credential on each attempt: a retry after the leader validated
   * the first would otherwise be refused as a replay).
   */
  public <T> CompletableFuture<T> call(Opcode opc, MessageLite first, IntFunction<MessageLite> retryReq,
      Parser<T> parser, Function<T, PoolOpReply> opOf) {
    return attempt(opc, new Requests(first, retryReq), parser, opOf, leader, 0, null);
  }

  private record Requests(MessageLite first, IntFunction<MessageLite> retry) {
    CompletableFuture<MessageLite> get(int n, java.util.concurrent.Executor on) {
      return n == 0 || retry == null ? CompletableFuture.completedFuture(first)
          : CompletableFuture.supplyAsync(() -> retry.apply(n), on);
    }
  }

  private <T> CompletableFuture<T> attempt(Opcode opc, Requests req, Parser<T> parser,
      Function<T, PoolOpReply> opOf, int rank, int n, DaosException last) {
    if (n >= retry.maxAttempts()) {
      return CompletableFuture.failedFuture(new DaosException(last.status(), "pool " + pool + " service: "
          + opc + " failed after " + n + " attempts over replicas " + replicas + " (" + last.getMessage() + ")"));
    }
    long delay = retry.delay(n, replicas.size()).toNanos();
    CompletableFuture<RpcReply<T>> f;
    if (delay == 0) {
      f = req.get(n, ForkJoinPool.commonPool()).thenCompose(m -> rpc.call(rank, 0, opc, 0, m, null, parser));
    } else {
      java.util.concurrent.Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS);
      f = CompletableFuture.supplyAsync(() -> null, later).thenCompose(x -> req.get(n, ForkJoinPool.commonPool()))
          .thenCompose(m -> rpc.call(rank, 0, opc, 0, m, null, parser));
    }
    return f.handle((r, err) -> {
      if (err == null) {
        PoolOpReply op = opOf.apply(r.body());
        int st = r.status(op.getStatus());
        mapVersionSink.accept(Math.max(op.getMapVersion(), r.mapVersion()));
        if (st == 0) {
          leader = rank;
          return CompletableFuture.completedFuture(r.body());
        }
        return retryOrFail(opc, req, parser, opOf, rank, n, new DaosException(DaosStatus.fromCode(st),
            opc + " on rank " + rank), op);
      }
      return retryOrFail(opc, req, parser, opOf, rank, n, Futures.unwrap(err), null);
    }).thenCompose(x -> x);
  }

  private <T> CompletableFuture<T> retryOrFail(Opcode opc, Requests req, Parser<T> parser,
      Function<T, PoolOpReply> opOf, int rank, int n, DaosException e, PoolOpReply op) {
    if (!NEXT_REPLICA.contains(e.status())) {
      return CompletableFuture.failedFuture(e);
    }
    int next = nextRank(rank, e.status(), op);
    LOG.debug("pool {} service: {} on rank {} got {}; trying rank {}", pool, opc, rank, e.status().symbol(), next);
    return attempt(opc, req, parser, opOf, next, n + 1, e);
  }

  private int nextRank(int rank, DaosStatus st, PoolOpReply op) {
    if (st == DaosStatus.NOTLEADER && op != null && op.hasHint() && op.getHint().getValid()
        && op.getHint().getLeaderRank() != rank) {
      leader = op.getHint().getLeaderRank();
      return leader;
    }
    int i = replicas.indexOf(rank);
    return replicas.get((i + 1) % replicas.size());
  }
}
