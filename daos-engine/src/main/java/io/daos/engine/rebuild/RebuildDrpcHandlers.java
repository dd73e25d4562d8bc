package io.daos.engine.rebuild;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolRebuildStartReq;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@code dmg pool rebuild stop|start} dRPC methods (DAOS {@code ds_mgmt_drpc_pool_rebuild_stop} /
 * {@code _start}, MGMT_POOL_REBUILD_STOP 251 and MGMT_POOL_REBUILD_START 250): they act on this engine's
 * {@link Rebuilds} when it leads the pool's rebuild, and answer DER_NOTLEADER otherwise (as the pool service's
 * methods do on a replica that is not the leader), DER_NONEXIST when there is nothing to stop or restart.
 */
public final class RebuildDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(RebuildDrpcHandlers.class);

  private final String name;
  private final Supplier<Rebuilds> rebuilds;

  /** {@code rebuilds} gives the engine's rebuild service (null until its data plane runs). */
  public RebuildDrpcHandlers(String name, Supplier<Rebuilds> rebuilds) {
    this.name = name;
    this.rebuilds = rebuilds;
  }

  public DrpcRegistry registerOn(DrpcRegistry r) {
    return r.register(DrpcMethod.MGMT_POOL_REBUILD_STOP, (c, b) -> stop(PoolRebuildStopReq.parseFrom(b)))
        .register(DrpcMethod.MGMT_POOL_REBUILD_START, (c, b) -> start(PoolRebuildStartReq.parseFrom(b)));
  }

  byte[] stop(PoolRebuildStopReq req) {
    return run(req.getId(), "stop", (rb, pool) -> rb.stop(pool, req.getForce()));
  }

  byte[] start(PoolRebuildStartReq req) {
    return run(req.getId(), "start", (rb, pool) -> rb.startAgain(pool));
  }

  private interface Op {
    void apply(Rebuilds rb, UUID pool);
  }

  private byte[] run(String id, String what, Op op) {
    DaosStatus st;
    try {
      UUID pool = parse(id);
      Rebuilds rb = rebuilds.get();
      if (rb == null || !rb.leads(pool)) {
        throw new DaosException(DaosStatus.NOTLEADER, "this engine does not lead the rebuild of pool " + pool
            + "; ask the pool service leader");
      }
      op.apply(rb, pool);
      LOG.info("{}: rebuild {} of pool {}", name, what, pool);
      st = DaosStatus.SUCCESS;
    } catch (DaosException e) {
      LOG.info("{}: rebuild {} of pool {}: {}", name, what, id, e.getMessage());
      st = e.status();
    }
    return DaosResp.newBuilder().setStatus(st.code()).build().toByteArray();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, "pool id '" + id + "' is not a UUID; dmg sends the pool's UUID");
    }
  }
}
