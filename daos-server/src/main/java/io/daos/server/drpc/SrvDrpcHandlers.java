package io.daos.server.drpc;

import io.daos.drpc.DrpcCallContext;
import io.daos.drpc.DrpcFailure;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.DrpcRegistry;
import io.daos.proto.drpc.Status;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.EngineInstance;
import io.daos.server.engine.MgmtServiceClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * daos_server's upcall handlers for engines (DAOS's srvModule and mgmtModule in server/mgmt_drpc.go):
 * SRV NOTIFY_READY (301) and CLUSTER_EVENT (304). The MGMT and SEC modules are registered so that their
 * methods answer UNKNOWN_METHOD; SEC VALIDATE_CREDS (401) is in {@link SecDrpcHandlers}.
 */
public final class SrvDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(SrvDrpcHandlers.class);

  private final EngineHarness harness;
  private final MgmtServiceClient ms;

  private SrvDrpcHandlers(EngineHarness harness, MgmtServiceClient ms) {
    this.harness = harness;
    this.ms = ms;
  }

  /** Registers modules SRV, MGMT and SEC and the SRV handlers in {@code registry}; returns it. */
  public static DrpcRegistry register(DrpcRegistry registry, EngineHarness harness, MgmtServiceClient ms) {
    SrvDrpcHandlers h = new SrvDrpcHandlers(harness, ms);
    registry.registerModule(DrpcModule.MGMT).registerModule(DrpcModule.SEC).registerModule(DrpcModule.SRV);
    registry.register(DrpcMethod.SRV_NOTIFY_READY, h::notifyReady);
    registry.register(DrpcMethod.SRV_CLUSTER_EVENT, h::clusterEvent);
    return registry;
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
    LOG.debug("RAS event {} from engine: {}", req.getEvent().getId(), req.getEvent().getMsg());
    ms.forwardEvent(req.getEvent());
    return ClusterEventResp.newBuilder().setSequence(req.getSequence()).build().toByteArray();
  }
}
