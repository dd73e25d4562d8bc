package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.daos.common.Ports;
import io.daos.control.ControlClient;
import io.daos.control.HostResponses;
import io.daos.control.config.ControlConfig;
import io.daos.control.config.TransportConfig;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.mgmt.LeaderQueryReq;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStartResp;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import io.daos.server.config.ServerConfig;
import io.daos.server.engine.FakeEngineLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One daos_server with one in-process engine: format → joined → system stop → stopped → start → joined. */
class DaosServerTest {
  @TempDir
  Path state;

  @Test
  @Timeout(120)
  void formatJoinStopStart() throws Exception {
    int port = Ports.freePair();
    ServerConfig cfg = localConfig(port);
    try (DaosServer server = DaosServer.builder().config(cfg).launcher(new FakeEngineLauncher()).build();
        ControlClient client = adminClient(port)) {
      server.start();
      LeaderQueryResp lq = client.invokeMs(MgmtSvcGrpc.getLeaderQueryMethod(), LeaderQueryReq.getDefaultInstance());
      assertEquals(List.of("127.0.0.1:" + port), lq.getReplicasList());

      HostResponses<StorageFormatResp> fmt = client.invokeHosts(CtlSvcGrpc.getStorageFormatMethod(),
          StorageFormatReq.getDefaultInstance(), List.of());
      assertFalse(fmt.hasErrors(), () -> "format failed: " + fmt.errors());
      awaitState(client, "joined");

      SystemStopResp stop = client.invokeMs(MgmtSvcGrpc.getSystemStopMethod(), SystemStopReq.getDefaultInstance());
      assertEquals(1, stop.getResultsCount(), stop.toString());
      assertFalse(stop.getResults(0).getErrored(), stop.toString());
      assertEquals("stopped", stop.getResults(0).getState());
      awaitState(client, "stopped");

      SystemStartResp start = client.invokeMs(MgmtSvcGrpc.getSystemStartMethod(),
          SystemStartReq.getDefaultInstance());
      assertFalse(start.getResults(0).getErrored(), start.toString());
      awaitState(client, "joined");
    }
  }

  private static ControlClient adminClient(int port) {
    ControlConfig cc = new ControlConfig("daos_server", port, List.of("127.0.0.1:" + port),
        TransportConfig.adminDefaults().withAllowInsecure(true), null);
    return ControlClient.builder().config(cc).insecure(true).build();
  }

  private static void awaitState(ControlClient client, String... want) {
    List<String> states = List.of(want);
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      Poll.until("member state " + states, Duration.ofSeconds(60), () -> hasState(client, states, last));
    } catch (AssertionError e) {
      fail("member never reached state " + states + "; last: " + last.get());
    }
  }

  /** True when the system's one member is in one of {@code states}; otherwise remembers what was seen. */
  private static boolean hasState(ControlClient client, List<String> states, AtomicReference<String> last) {
    try {
      SystemQueryResp q = client.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance(),
          Duration.ofSeconds(10));
      if (q.getMembersCount() == 1 && states.contains(q.getMembers(0).getState())) {
        assertEquals(0, q.getMembers(0).getRank());
        return true;
      }
      last.set(q.toString());
    } catch (RuntimeException e) {
      last.set(e.toString());
    }
    return false;
  }

  @Test
  @Timeout(60)
  void unformattedSystemAnswersRunStorageFormatAtOnce() throws Exception {
    int port = Ports.freePair();
    ServerConfig cfg = localConfig(port);
    try (DaosServer server = DaosServer.builder().config(cfg).launcher(new FakeEngineLauncher()).build();
        ControlClient client = adminClient(port)) {
      server.start();
      io.daos.common.fault.Fault f = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(10), () -> org.junit.jupiter.api.Assertions.assertThrows(
              io.daos.common.fault.Fault.class, () -> client.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(),
                  io.daos.proto.mgmt.SystemQueryReq.getDefaultInstance())));
      assertTrue(f.getMessage().contains("system is uninitialized (storage format required?)"), f.getMessage());
      assertTrue(f.resolution().contains("dmg storage format"), f.resolution());
    }
  }

  /** The local default config on control port {@code port}, its own replica, with a free fabric port pair. */
  private ServerConfig localConfig(int port) throws IOException {
    ServerConfig local = ServerConfig.defaultLocal(state).withPort(port)
        .withMgmtSvcReplicas(List.of("127.0.0.1:" + port));
    // start-up checks that the fabric port and the next are free: take a free pair, not the default 31416
    return local.withEngine(0, local.engines().get(0).withFabricIfacePort(Ports.freePair()));
  }
}
