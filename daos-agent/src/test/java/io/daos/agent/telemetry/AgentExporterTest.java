package io.daos.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.agent.DaosAgent;
import io.daos.agent.FakeMs;
import io.daos.agent.config.AgentConfig;
import io.daos.agent.config.TelemetryConfig;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.DrpcStatusException;
import io.daos.proto.mgmt.ClientTelemetryReq;
import io.daos.proto.mgmt.ClientTelemetryResp;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.PoolMonitorReq;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daos_agent with telemetry_port set serves /metrics; without it nothing listens. */
class AgentExporterTest {
  @TempDir
  Path dir;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private AgentConfig config(String address, int telemetryPort) {
    return AgentConfig.defaults().withRuntimeDir(dir.resolve("run").toString())
        .withAccessPoints(List.of(address))
        .withTransport(AgentConfig.agentTransportDefaults().withAllowInsecure(true))
        .withTelemetry(new TelemetryConfig(telemetryPort, false, Duration.ZERO, null, null));
  }

  @Test
  void servesAgentMetricsOnTelemetryPort() throws Exception {
    String address = "ms-" + UUID.randomUUID() + ":10001";
    int port = freePort();
    try (FakeMs ms = new FakeMs(address);
        DaosAgent agent = DaosAgent.builder(config(address, port)).channelFactory(FakeMs.channels()).build()) {
      agent.start();
      try (DrpcClient c = DrpcClient.connect(agent.socketPath())) {
        c.call(DrpcMethod.MGMT_NOTIFY_POOL_CONNECT, PoolMonitorReq.newBuilder().setPoolUUID("p1")
            .setPoolHandleUUID("h1").build().toByteArray());
      }
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("agent_pool_handles 1.0"), r.body());
      assertTrue(r.body().contains("agent_monitored_processes 1.0"), r.body());
      assertTrue(r.body().contains("process_start_time_seconds "), r.body());
    }
  }

  private static String scrape(int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  private static byte[] opsUpdate(String pool, double n) {
    return MetricsResp.newBuilder().addMetrics(Metric.newBuilder().setName("client_pool_ops_update")
        .setKind(Metric.Kind.COUNTER).setHelp("total number of processed object RPCs").setValue(n)
        .putLabels("pool", pool)).build().toByteArray();
  }

  /**
   * With telemetry_enabled, GetAttachInfo tells clients to collect and register their metrics (DAOS's
   * addTelemetrySettings); a registered client's pushes appear on /metrics with its jobid and pid, and move.
   */
  @Test
  void registeredClientMetricsAreExportedWithJobidAndPid() throws Exception {
    String address = "ms-" + UUID.randomUUID() + ":10001";
    int port = freePort();
    AgentConfig cfg = config(address, port).withTelemetry(new TelemetryConfig(port, true, Duration.ZERO, null,
        null));
    String pool = UUID.randomUUID().toString();
    String pid = Long.toString(ProcessHandle.current().pid());
    try (FakeMs ms = new FakeMs(address);
        DaosAgent agent = DaosAgent.builder(cfg).channelFactory(FakeMs.channels()).build()) {
      agent.start();
      try (DrpcClient c = DrpcClient.connect(agent.socketPath())) {
        GetAttachInfoResp info = GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO,
            GetAttachInfoReq.newBuilder().setAllRanks(true).build().toByteArray()));
        assertEquals(List.of("D_CLIENT_METRICS_ENABLE=1", "D_CLIENT_METRICS_REGISTER=1"),
            info.getClientNetHint().getEnvVarsList());
        DrpcStatusException unregistered = assertThrows(DrpcStatusException.class,
            () -> c.call(DrpcMethod.MGMT_CLIENT_TELEMETRY_PUSH, opsUpdate(pool, 1)));
        assertEquals(io.daos.proto.drpc.Status.FAILURE, unregistered.status(), "a pid that did not register");
        ClientTelemetryResp reg = ClientTelemetryResp.parseFrom(c.call(DrpcMethod.MGMT_SETUP_CLIENT_TELEM,
            ClientTelemetryReq.newBuilder().setJobid("job-7").setShmKey(42).build().toByteArray()));
        assertEquals(0, reg.getStatus());
        c.call(DrpcMethod.MGMT_CLIENT_TELEMETRY_PUSH, opsUpdate(pool, 3));
        String series = "client_pool_ops_update{jobid=\"job-7\",pid=\"" + pid + "\",pool=\"" + pool + "\"}";
        assertTrue(scrape(port).contains(series + " 3.0"), scrape(port));
        c.call(DrpcMethod.MGMT_CLIENT_TELEMETRY_PUSH, opsUpdate(pool, 5));
        assertTrue(scrape(port).contains(series + " 5.0"), scrape(port));
      }
    }
  }

  @Test
  void noTelemetryPortNoExporter() throws Exception {
    String address = "ms-" + UUID.randomUUID() + ":10001";
    try (FakeMs ms = new FakeMs(address);
        DaosAgent agent = DaosAgent.builder(config(address, 0)).channelFactory(FakeMs.channels()).build()) {
      agent.start();
      assertFalse(agent.telemetry().isPresent());
    }
  }
}
