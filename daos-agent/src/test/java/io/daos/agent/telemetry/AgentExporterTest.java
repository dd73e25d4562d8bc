package io.daos.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.agent.DaosAgent;
import io.daos.agent.FakeMs;
import io.daos.agent.config.AgentConfig;
import io.daos.agent.config.TelemetryConfig;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.mgmt.PoolMonitorReq;
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
