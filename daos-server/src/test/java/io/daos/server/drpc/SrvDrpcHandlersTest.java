package io.daos.server.drpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.drpc.RasEvents;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.drpc.Status;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.shared.RASEvent;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.FakeMgmtService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daos_server.sock: mode, stale engine sockets, ClusterEvent forwarding, unknown methods. */
class SrvDrpcHandlersTest {
  @TempDir
  Path tmp;

  @Test
  void listenerServesSrvModule() throws Exception {
    Files.createFile(tmp.resolve("daos_engine_77.sock"));
    FakeMgmtService ms = new FakeMgmtService();
    DrpcRegistry reg = SrvDrpcHandlers.register(new DrpcRegistry(), new EngineHarness(), ms);
    try (ServerDrpcListener l = new ServerDrpcListener(tmp, reg)) {
      l.start();
      assertEquals(tmp.resolve("daos_server.sock"), l.socketPath());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(l.socketPath())));
      assertTrue(!Files.exists(tmp.resolve("daos_engine_77.sock")), "stale engine socket removed");
      try (DrpcClient c = DrpcClient.connect(l.socketPath())) {
        // An info-only event (device_set_faulty) is logged here and not forwarded; a state change
        // (swim_rank_dead) goes on to the MS, as DAOS's forwarder subscribes to state changes only.
        RASEvent info = RasEvents.engineInfo(RasEvents.DEVICE_SET_FAULTY, RasEvents.SEVERITY_NOTICE,
            "Device: x set faulty", "h", 3, 9);
        byte[] infoBody = c.call(DrpcMethod.SRV_CLUSTER_EVENT,
            ClusterEventReq.newBuilder().setSequence(4).setEvent(info).build().toByteArray());
        assertEquals(4, ClusterEventResp.parseFrom(infoBody).getSequence());
        RASEvent ev = RasEvents.swimRankDead("h", 3, 7, 9);
        byte[] body = c.call(DrpcMethod.SRV_CLUSTER_EVENT,
            ClusterEventReq.newBuilder().setSequence(5).setEvent(ev).build().toByteArray());
        assertEquals(5, ClusterEventResp.parseFrom(body).getSequence());
        assertEquals(ev, ms.events.poll());
        assertEquals(null, ms.events.poll(), "only the state change was forwarded");

        DrpcStatusException unknown = assertThrows(DrpcStatusException.class,
            () -> c.call(DrpcMethod.SRV_LIST_POOLS, new byte[] {1}));
        assertEquals(Status.UNKNOWN_METHOD, unknown.status());
        DrpcStatusException badIdx = assertThrows(DrpcStatusException.class, () -> c.call(
            DrpcMethod.SRV_NOTIFY_READY, NotifyReadyReq.newBuilder().setInstanceIdx(4).build().toByteArray()));
        assertEquals(Status.FAILURE, badIdx.status());
      }
    }
  }

  /** ds_mgmt_get_self_heal_policy's dRPC: GET_SYS_PROPS answers from the MS; an unreachable MS is a failure. */
  @Test
  void getSysPropsAnswersSelfHealFromTheMs() throws Exception {
    FakeMgmtService ms = new FakeMgmtService();
    DrpcRegistry reg = SrvDrpcHandlers.register(new DrpcRegistry(), new EngineHarness(), ms);
    try (ServerDrpcListener l = new ServerDrpcListener(tmp, reg)) {
      l.start();
      try (DrpcClient c = DrpcClient.connect(l.socketPath())) {
        byte[] req = io.daos.proto.mgmt.SystemGetPropReq.newBuilder().setSys("daos_server").addKeys("self_heal")
            .build().toByteArray();
        io.daos.proto.mgmt.SystemGetPropResp r = io.daos.proto.mgmt.SystemGetPropResp.parseFrom(
            c.call(DrpcMethod.SRV_GET_SYS_PROPS, req));
        assertEquals(java.util.Map.of("self_heal", "exclude;pool_exclude;pool_rebuild"), r.getPropertiesMap());
        ms.systemProps = null;
        DrpcStatusException down = assertThrows(DrpcStatusException.class,
            () -> c.call(DrpcMethod.SRV_GET_SYS_PROPS, req));
        assertEquals(Status.FAILURE, down.status());
      }
    }
  }
}
