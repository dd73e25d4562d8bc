package io.daos.engine.obj;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Futures;
import io.daos.common.Ticker;
import io.daos.common.Uuids;
import io.daos.proto.cont.ContHdlLookupReply;
import io.daos.proto.cont.ContHdlLookupReq;
import io.daos.rpc.ContRpc;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link HandleLookup} over CART-J: CONT_TGT_QUERY to the pool's service replicas in turn until one that leads
 * answers (replicas that are not the leader, hold no replica or cannot be reached are skipped). As DAOS's rsvc
 * client, when a whole round finds no leader (a replica just restarted and is electing) it waits and tries again,
 * for up to the RPC timeout; then it fails with DER_TIMEDOUT, which makes clients try another replica.
 */
public final class CartHandleLookup implements HandleLookup {
  private static final long FIRST_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 1000;

  private final CartClient client;
  private final Function<UUID, List<String>> replicaUris;
  private final Duration timeout;
  private final Ticker ticker;

  /** {@code replicaUris}: the CART-J URIs of the engines holding the service replicas of a pool. */
  public CartHandleLookup(CartClient client, Function<UUID, List<String>> replicaUris, Duration timeout) {
    this(client, replicaUris, timeout, Ticker.SYSTEM);
  }

  /** As above, with the clock of the deadline and the backoff between rounds. */
  CartHandleLookup(CartClient client, Function<UUID, List<String>> replicaUris, Duration timeout, Ticker ticker) {
    this.client = client;
    this.replicaUris = replicaUris;
    this.timeout = timeout;
    this.ticker = ticker;
  }

  @Override
  public CompletableFuture<ContHandle> lookup(UUID pool, UUID handle) {
    List<String> uris = replicaUris.apply(pool);
    if (uris == null || uris.isEmpty()) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.NOTREPLICA, "no service replica known "
          + "for pool " + pool));
    }
    byte[] body = ContHdlLookupReq.newBuilder().setPoolUuid(Uuids.toByteString(pool))
        .setContHdl(Uuids.toByteString(handle)).build().toByteArray();
    return round(pool, uris, body, handle, ticker.nanoTime() + timeout.toNanos(), FIRST_BACKOFF_MS);
  }

  private CompletableFuture<ContHandle> round(UUID pool, List<String> uris, byte[] body, UUID handle,
      long deadline, long backoffMs) {
    return attempt(uris, 0, body, handle, null).handle((h, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(h);
      }
      DaosException de = cause(e);
      if (!retryable(de)) {
        return CompletableFuture.<ContHandle>failedFuture(de);
      }
      if (ticker.nanoTime() + backoffMs * 1_000_000 > deadline) {
        return CompletableFuture.<ContHandle>failedFuture(new DaosException(DaosStatus.TIMEDOUT, "no service "
            + "leader of pool " + pool + " answered the handle lookup within " + timeout + " (last: "
            + de.getMessage() + ")", de));
      }
      return CompletableFuture.supplyAsync(() -> null, ticker.after(Duration.ofMillis(backoffMs))).thenCompose(x -> round(pool,
          replicasOr(pool, uris), body, handle, deadline, Math.min(MAX_BACKOFF_MS, backoffMs * 2)));
    }).thenCompose(f -> f);
  }

  private List<String> replicasOr(UUID pool, List<String> previous) {
    List<String> uris = replicaUris.apply(pool);
    return uris == null || uris.isEmpty() ? previous : uris;
  }

  private CompletableFuture<ContHandle> attempt(List<String> uris, int i, byte[] body, UUID handle,
      DaosException last) {
    if (i >= uris.size()) {
      return CompletableFuture.failedFuture(last);
    }
    return client.callWrapped(uris.get(i), ContRpc.TGT_QUERY, 0, 0, body, null, timeout)
        .thenApply(r -> decode(r, handle))
        .handle((h, e) -> {
          if (e == null) {
            return CompletableFuture.completedFuture(h);
          }
          DaosException de = cause(e);
          return retryable(de) ? attempt(uris, i + 1, body, handle, de)
              : CompletableFuture.<ContHandle>failedFuture(de);
        }).thenCompose(f -> f);
  }

  private static boolean retryable(DaosException e) {
    DaosStatus s = e.status();
    return s == DaosStatus.NOTLEADER || s == DaosStatus.NOTREPLICA || s == DaosStatus.UNREACH
        || s == DaosStatus.TIMEDOUT;
  }

  private static DaosException cause(Throwable e) {
    Throwable c = Futures.cause(e);
    return c instanceof DaosException de ? de : new DaosException(DaosStatus.MISC, "handle lookup failed", c);
  }

  private static ContHandle decode(CartReply r, UUID handle) {
    try (r) {
      ContHdlLookupReply rep = ContHdlLookupReply.parseFrom(r.bodyBytes());
      int st = rep.getOp().getStatus();
      if (st != 0) {
        throw new DaosException(DaosStatus.fromCode(st), "service answered CONT_TGT_QUERY for " + handle);
      }
      return new ContHandle(handle, Uuids.required(rep.getContUuid(), "container"), rep.getCapas(), rep.getFlags());
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "malformed CONT_TGT_QUERY reply: " + e.getMessage(), e);
    }
  }
}
