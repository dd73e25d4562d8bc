package io.daos.client;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.pool.ServiceClient;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.Ids;
import io.daos.common.Uuids;
import io.daos.proto.auth.Credential;
import io.daos.proto.pool.PoolConnectReply;
import io.daos.proto.pool.PoolConnectReq;
import io.daos.proto.pool.PoolFindReply;
import io.daos.proto.pool.PoolFindReq;
import io.daos.proto.pool.PoolOp;
import io.daos.rpc.MgmtRpc;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code daos_pool_connect}: MGMT_POOL_FIND on any engine (pool UUID and service replica ranks), then POOL_CONNECT
 * to the service with a client-chosen handle UUID and a credential fetched from the agent for this connect.
 */
final class PoolConnect {
  private PoolConnect() {
  }

  static CompletableFuture<DaosPool> connect(ClientContext ctx, String labelOrUuid, int flags) {
    if ((flags & (PoolRpc.PC_RO | PoolRpc.PC_RW | PoolRpc.PC_EX)) == 0 || (flags & ~7) != 0) {
      throw new DaosException(DaosStatus.INVAL, "pool connect flags must be DAOS_PC_RO (1), RW (2) or EX (4), got "
          + flags);
    }
    Credential cred = ctx.credentials().get();
    Optional<UUID> uuid = Ids.parse(labelOrUuid);
    PoolFindReq.Builder find = PoolFindReq.newBuilder().setSys(ctx.sys());
    if (uuid.isPresent()) {
      find.setUuid(Uuids.toByteString(uuid.get()));
    } else {
      find.setLabel(labelOrUuid);
    }
    return find(ctx, find.build(), ctx.rpc().uris().ranks(), 0, labelOrUuid)
        .thenCompose(f -> connectService(ctx, f, labelOrUuid, flags, cred));
  }

  private static CompletableFuture<PoolFindReply> find(ClientContext ctx, PoolFindReq req, List<Integer> ranks,
      int i, String id) {
    if (i >= ranks.size()) {
      return Futures.failed(DaosStatus.UNREACH, "no engine answered MGMT_POOL_FIND for pool " + id
          + " (tried ranks " + ranks + ")");
    }
    return ctx.rpc().call(ranks.get(i), 0, MgmtRpc.POOL_FIND, 0, req, null, PoolFindReply.parser())
        .handle((r, err) -> {
          DaosStatus st = err != null ? Futures.status(err) : DaosStatus.fromCode(r.status(r.body().getStatus()));
          if (st == DaosStatus.UNREACH || st == DaosStatus.TIMEDOUT || st == DaosStatus.SHUTDOWN) {
            return find(ctx, req, ranks, i + 1, id);
          }
          if (err != null) {
            return CompletableFuture.<PoolFindReply>failedFuture(Futures.unwrap(err));
          }
          if (st != DaosStatus.SUCCESS) {
            return Futures.<PoolFindReply>failed(st, "pool " + id + " not found in system " + ctx.sys());
          }
          return CompletableFuture.completedFuture(r.body());
        }).thenCompose(x -> x);
  }

  private static CompletableFuture<DaosPool> connectService(ClientContext ctx, PoolFindReply found, String id,
      int flags, Credential cred) {
    UUID pool = Ids.of(found.getUuid());
    UUID hdl = UUID.randomUUID();
    ServiceClient svc = new ServiceClient(ctx.rpc(), id, found.getSvcRepsList(), ctx.retry());
    PoolConnectReq req = PoolConnectReq.newBuilder()
        .setOp(PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setPoolHdl(Uuids.toByteString(hdl)))
        .setCred(cred.toByteString()).setFlags(flags).build();
    // Each retry carries a fresh credential: the one sent may have been validated (and its nonce spent) already.
    return svc.call(PoolRpc.CONNECT, req, n -> req.toBuilder().setCred(ctx.credentials().get().toByteString()).build(),
        PoolConnectReply.parser(), PoolConnectReply::getOp)
        .thenApply(r -> new DaosPool(ctx, svc, pool, hdl, found.getLabel(), flags, r));
  }
}
