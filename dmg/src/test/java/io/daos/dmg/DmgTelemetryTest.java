package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import io.daos.dmg.command.telemetry.MetricsQueryCommandAccess;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dmg telemetry metrics list|query} against an HTTP endpoint serving a daos_server /metrics page. */
class DmgTelemetryTest {
  private static final String PAGE = """
      # HELP engine_io_latency_update update RPC processing time (us)
      # TYPE engine_io_latency_update gauge
      engine_io_latency_update{rank="0",size="256B"} 148.0
      engine_io_latency_update{rank="1",size="4KB"} 2500000.0
      # HELP engine_events_dead_ranks Number of dead rank events received
      # TYPE engine_events_dead_ranks untyped
      engine_events_dead_ranks{rank="0"} 0.0
      """;
  private HttpServer http;
  private String port;

  @BeforeEach
  void serve() throws Exception {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/metrics", ex -> {
      byte[] b = PAGE.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    });
    http.start();
    port = Integer.toString(http.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  @Test
  void queryPrintsTheMetricSet() {
    DmgRun r = DmgRun.run("telemetry", "metrics", "query", "-l", "127.0.0.1", "-p", port, "-m",
        "engine_io_latency_update");
    assertEquals(0, r.exit(), r.err());
    String expected = "connecting to 127.0.0.1:" + port + "...\n"
        + "- Metric Set: engine_io_latency_update (Type: Gauge)\n"
        + "  update RPC processing time (us)\n"
        + "    Metric Labels              Value   \n"
        + "    ------ ------              -----   \n"
        + "    Gauge  (rank=0, size=256B) 148     \n"
        + "    Gauge  (rank=1, size=4KB)  2.5e+06 \n"
        + "\n";
    assertEquals(expected, r.out());
  }

  @Test
  void queryJson() {
    JsonObject resp = DmgRun.run("-j", "telemetry", "metrics", "query", "-l", "127.0.0.1", "-p", port, "-m",
        "engine_events_dead_ranks").json().getAsJsonObject("response");
    JsonArray sets = resp.getAsJsonArray("metric_sets");
    assertEquals(1, sets.size());
    JsonObject set = sets.get(0).getAsJsonObject();
    assertEquals("generic", set.get("type").getAsString());
    assertEquals("engine_events_dead_ranks", set.get("name").getAsString());
    JsonObject m = set.getAsJsonArray("metrics").get(0).getAsJsonObject();
    assertEquals("0", m.getAsJsonObject("labels").get("rank").getAsString());
    assertEquals(0, m.get("value").getAsDouble());
  }

  @Test
  void listShowsEverySet() {
    DmgRun r = DmgRun.run("telemetry", "metrics", "list", "-l", "127.0.0.1", "-p", port);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("engine_events_dead_ranks Generic Number of dead rank events received"), r.out());
    assertTrue(r.out().contains("engine_io_latency_update Gauge"), r.out());
  }

  @Test
  void unknownMetricSaysSo() {
    DmgRun r = DmgRun.run("telemetry", "metrics", "query", "-l", "127.0.0.1", "-p", port, "-m", "nope");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("metric \"nope\" not found on host"), r.err());
  }

  @Test
  void noExporterSaysWhatToCheck() {
    http.stop(0);
    DmgRun r = DmgRun.run("telemetry", "metrics", "list", "-l", "127.0.0.1", "-p", port);
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("telemetry_port"), r.err());
  }

  @Test
  void goFormatsValuesAsPercentG() {
    assertEquals("0", MetricsQueryCommandAccess.goG(0));
    assertEquals("148", MetricsQueryCommandAccess.goG(148));
    assertEquals("0.5", MetricsQueryCommandAccess.goG(0.5));
    assertEquals("1e+06", MetricsQueryCommandAccess.goG(1_000_000));
    assertEquals("1.7650512e+09", MetricsQueryCommandAccess.goG(1765051200));
    assertEquals("1e-05", MetricsQueryCommandAccess.goG(0.00001));
  }
}
