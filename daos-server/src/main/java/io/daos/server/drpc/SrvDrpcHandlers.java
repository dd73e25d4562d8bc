package io.daos.server.drpc;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.RasEvents;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcFailure;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.drpc.Status;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.srv.GetPoolSvcReq;
import io.daos.proto.srv.GetPoolSvcResp;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.proto.srv.PoolFindByLabelReq;
import io.daos.proto.srv.PoolFindByLabelResp;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.EngineInstance;
import io.daos.server.engine.MgmtServiceClient;
import io.daos.server.engine.RasPublisher;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * daos_server's upcall handlers for engines (DAOS's srvModule and mgmtModule in server/mgmt_drpc.go):
 * SRV NOTIFY_READY (301), GET_POOL_SVC (303), CLUSTER_EVENT (304), POOL_FIND_BYLABEL (305) and GET_SYS_PROPS (311,
 * read from the MS); the pool lookups
 * answer DER_NONEXIST unless the pool's MS record exists and is Ready. The MGMT and SEC modules are registered so that their
 * methods answer UNKNOWN_METHOD; SEC VALIDATE_CREDS (401) is in {@link SecDrpcHandlers}.
 */
public final class SrvDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(SrvDrpcHandlers.class);

  private final EngineHarness harness;
  private final MgmtServiceClient ms;
  private final PoolRecords pools;
  private final RasPublisher events;

  private SrvDrpcHandlers(EngineHarness harness, MgmtServiceClient ms, PoolRecords pools, RasPublisher events) {
    this.harness = harness;
    this.ms = ms;
    this.pools = pools;
    this.events = events;
  }

  /** As {@link #register(DrpcRegistry, EngineHarness, MgmtServiceClient, PoolRecords)} without pool records. */
  public static DrpcRegistry register(DrpcRegistry registry, EngineHarness harness, MgmtServiceClient ms) {
    return register(registry, harness, ms, PoolRecords.none());
  }

  /** As {@link #register(DrpcRegistry, EngineHarness, MgmtServiceClient, PoolRecords, RasPublisher)}, events to ms. */
  public static DrpcRegistry register(DrpcRegistry registry, EngineHarness harness, MgmtServiceClient ms,
      PoolRecords pools) {
    return register(registry, harness, ms, pools, new RasPublisher(ms));
  }

  /**
   * Registers modules SRV, MGMT and SEC and the SRV handlers in {@code registry}; returns it. Engines' RAS events go
   * to {@code events}: logged, and the state changes forwarded to the MS.
   */
  public static DrpcRegistry register(DrpcRegistry registry, EngineHarness harness, MgmtServiceClient ms,
      PoolRecords pools, RasPublisher events) {
    SrvDrpcHandlers h = new SrvDrpcHandlers(harness, ms, pools, events);
    registry.registerModule(DrpcModule.MGMT).registerModule(DrpcModule.SEC).registerModule(DrpcModule.SRV);
    registry.register(DrpcMethod.SRV_NOTIFY_READY, h::notifyReady);
    registry.register(DrpcMethod.SRV_CLUSTER_EVENT, h::clusterEvent);
    registry.register(DrpcMethod.SRV_GET_POOL_SVC, h::getPoolSvc);
    registry.register(DrpcMethod.SRV_POOL_FIND_BYLABEL, h::poolFindByLabel);
    registry.register(DrpcMethod.SRV_GET_SYS_PROPS, h::getSysProps);
    return registry;
  }

  /** GET_SYS_PROPS (311): the system properties an engine asks for (self_heal), read from the MS. */
  byte[] getSysProps(DrpcCallContext ctx, byte[] body) throws Exception {
    io.daos.proto.mgmt.SystemGetPropReq req = io.daos.proto.mgmt.SystemGetPropReq.parseFrom(body);
    try {
      return ms.systemGetProp(req).toByteArray();
    } catch (RuntimeException e) {
      LOG.warn("engine asked for system properties {}: {}", req.getKeysList(), e.getMessage());
      throw new DrpcFailure(Status.FAILURE, "cannot read system properties " + req.getKeysList() + " from the MS: "
          + e.getMessage());
    }
  }

  byte[] getPoolSvc(DrpcCallContext ctx, byte[] body) throws Exception {
    GetPoolSvcReq req = GetPoolSvcReq.parseFrom(body);
    UUID uuid;
    try {
      uuid = UUID.fromString(req.getUuid());
    } catch (IllegalArgumentException e) {
      throw new DrpcFailure(Status.FAILURE, "invalid pool uuid \"" + req.getUuid() + "\"");
    }
    Optional<PoolService> ps = ready(pools.byUuid(uuid));
    GetPoolSvcResp.Builder resp = GetPoolSvcResp.newBuilder();
    ps.ifPresentOrElse(p -> resp.addAllSvcreps(p.replicas()), () -> resp.setStatus(DaosStatus.NONEXIST.code()));
    return resp.build().toByteArray();
  }

  byte[] poolFindByLabel(DrpcCallContext ctx, byte[] body) throws Exception {
    PoolFindByLabelReq req = PoolFindByLabelReq.parseFrom(body);
    Optional<PoolService> ps = ready(pools.byLabel(req.getLabel()));
    PoolFindByLabelResp.Builder resp = PoolFindByLabelResp.newBuilder();
    ps.ifPresentOrElse(p -> resp.setUuid(p.poolUuid().toString()).addAllSvcreps(p.replicas()),
        () -> resp.setStatus(DaosStatus.NONEXIST.code()));
    return resp.build().toByteArray();
  }

  private static Optional<PoolService> ready(Optional<PoolService> ps) {
    return ps.filter(p -> p.state() == PoolServiceState.READY);
  }

  private byte[] notifyReady(DrpcCallContext ctx, byte[] body) throws Exception {
    NotifyReadyReq req = NotifyReadyReq.parseFrom(body);
    List<Engine> instances = harness.instances();
    int idx = req.getInstanceIdx();
    if (idx >= instances.size() || !(instances.get(idx) instanceof EngineInstance ei)) {
      throw new DrpcFailure(Status.FAILURE, "NotifyReady from unknown engine instance " + idx
          + " (this server has " + instances.size() + ")");
    }
    ei.notifyReady(req);
    return new byte[0];
  }

  private byte[] clusterEvent(DrpcCallContext ctx, byte[] body) throws Exception {
    ClusterEventReq req = ClusterEventReq.parseFrom(body);
    if (!req.hasEvent()) {
      throw new DrpcFailure(Status.FAILURE, "ClusterEvent without an event");
    }
    // As DAOS's server pubsub: every event is logged here, where it was raised; state changes go on to the MS
    // leader (the forwarder subscribes to RASTypeStateChange only).
    events.publish(req.getEvent(), req.getEvent().getType() == RasEvents.TYPE_STATE_CHANGE);
    return ClusterEventResp.newBuilder().setSequence(req.getSequence()).build().toByteArray();
  }
}
