package io.daos.engine.pool.svc;

import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.pool.PoolFindReply;
import io.daos.proto.pool.PoolFindReq;
import io.daos.proto.srv.GetPoolSvcReq;
import io.daos.proto.srv.GetPoolSvcResp;
import io.daos.proto.srv.PoolFindByLabelReq;
import io.daos.proto.srv.PoolFindByLabelResp;
import io.daos.rpc.MgmtRpc;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MGMT_POOL_FIND on every engine (DAOS {@code ds_mgmt_hdlr_pool_find}): asks daos_server over dRPC for the pool's
 * service ranks, by UUID (SRV_GET_POOL_SVC 303) or label (SRV_POOL_FIND_BYLABEL 305). The dRPC call runs on
 * {@code executor}, never on a target's thread.
 */
public final class PoolFindHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PoolFindHandler.class);

  private final Supplier<DrpcClient> server;
  private final Executor executor;

  public PoolFindHandler(Supplier<DrpcClient> server, Executor executor) {
    this.server = server;
    this.executor = executor;
  }

  public CartServer registerOn(CartServer s) {
    return s.register(MgmtRpc.POOL_FIND, this::handle);
  }

  void handle(CartRequest req, CartReplier reply) {
    PoolFindReq q;
    try {
      q = PoolFindReq.parseFrom(req.bodyBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      reply.error(DaosStatus.PROTO, 0);
      return;
    }
    executor.execute(() -> reply.ok(0, find(q).toByteArray()));
  }

  /** Asks daos_server for a pool's service replica ranks (dRPC SRV_GET_POOL_SVC 303). */
  public static GetPoolSvcResp getPoolSvc(DrpcClient server, UUID pool) throws java.io.IOException {
    return GetPoolSvcResp.parseFrom(server.call(DrpcMethod.SRV_GET_POOL_SVC,
        GetPoolSvcReq.newBuilder().setUuid(pool.toString()).build().toByteArray()));
  }

  PoolFindReply find(PoolFindReq q) {
    DrpcClient c = server.get();
    try {
      if (c == null) {
        return status(DaosStatus.UNINIT);
      }
      if (!q.getUuid().isEmpty()) {
        UUID uuid = Uuids.required(q.getUuid(), "pool");
        GetPoolSvcResp r = getPoolSvc(c, uuid);
        return r.getStatus() != 0 ? PoolFindReply.newBuilder().setStatus(r.getStatus()).build()
            : PoolFindReply.newBuilder().setUuid(q.getUuid()).addAllSvcReps(r.getSvcrepsList()).build();
      }
      if (q.getLabel().isEmpty()) {
        return status(DaosStatus.INVAL);
      }
      PoolFindByLabelResp r = PoolFindByLabelResp.parseFrom(c.call(DrpcMethod.SRV_POOL_FIND_BYLABEL,
          PoolFindByLabelReq.newBuilder().setLabel(q.getLabel()).build().toByteArray()));
      return r.getStatus() != 0 ? PoolFindReply.newBuilder().setStatus(r.getStatus()).build()
          : PoolFindReply.newBuilder().setUuid(Uuids.toByteString(UUID.fromString(r.getUuid())))
              .setLabel(q.getLabel()).addAllSvcReps(r.getSvcrepsList()).build();
    } catch (io.daos.common.status.DaosException e) {
      return status(e.status());
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("pool find {}: asking daos_server failed: {}", q.getLabel().isEmpty() ? q.getUuid() : q.getLabel(),
          e.toString());
      return status(DaosStatus.IO);
    }
  }

  private static PoolFindReply status(DaosStatus s) {
    return PoolFindReply.newBuilder().setStatus(s.code()).build();
  }
}
