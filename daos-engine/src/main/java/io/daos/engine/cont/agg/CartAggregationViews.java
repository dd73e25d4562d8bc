package io.daos.engine.cont.agg;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.Futures;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContSnapReply;
import io.daos.rpc.ContRpc;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link ContAggregator.ViewSource} over CART-J: CONT_SNAP_FETCH to the pool's service replicas in turn until the
 * leader answers (a follower says DER_NOTLEADER). One round per call; the aggregator asks again on its next tick.
 */
public final class CartAggregationViews implements ContAggregator.ViewSource {
  private final CartClient client;
  private final Function<UUID, List<String>> replicaUris;
  private final Duration timeout;

  public CartAggregationViews(CartClient client, Function<UUID, List<String>> replicaUris, Duration timeout) {
    this.client = client;
    this.replicaUris = replicaUris;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<ContAggregator.View> fetch(UUID pool, UUID cont) {
    List<String> uris = replicaUris.apply(pool);
    if (uris == null || uris.isEmpty()) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.NOTREPLICA, "no service replica known "
          + "for pool " + pool));
    }
    byte[] body = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContUuid(Uuids.toByteString(cont))
        .build().toByteArray();
    return attempt(uris, 0, body, null);
  }

  private CompletableFuture<ContAggregator.View> attempt(List<String> uris, int i, byte[] body, Throwable last) {
    if (i >= uris.size()) {
      return CompletableFuture.failedFuture(last);
    }
    return client.callWrapped(uris.get(i), ContRpc.SNAP_FETCH, 0, 0, body, null, timeout)
        .thenApply(CartAggregationViews::decode)
        .handle((v, e) -> e == null ? CompletableFuture.completedFuture(v) : attempt(uris, i + 1, body,
            Futures.cause(e)))
        .thenCompose(f -> f);
  }

  private static ContAggregator.View decode(CartReply r) {
    try (r) {
      ContSnapReply rep = ContSnapReply.parseFrom(r.bodyBytes());
      int st = rep.getOp().getStatus();
      if (st != 0) {
        throw new DaosException(DaosStatus.fromCode(st), "service answered CONT_SNAP_FETCH with " + st);
      }
      long[] snaps = rep.getSnapshotsList().stream().mapToLong(io.daos.proto.cont.Snapshot::getEpoch).sorted()
          .toArray();
      return new ContAggregator.View(snaps, rep.getReclaim());
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "malformed CONT_SNAP_FETCH reply: " + e.getMessage(), e);
    }
  }
}
