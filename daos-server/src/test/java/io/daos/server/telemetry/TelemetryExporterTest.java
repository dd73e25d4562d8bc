package io.daos.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.telemetry.PromExporter;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import io.daos.server.engine.Engine;
import io.daos.server.engine.FakeEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryExporterTest {
  private static String scrape(int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  private static FakeEngine engine(int idx, long rank, Metric... metrics) {
    FakeEngine e = new FakeEngine(idx, rank).running();
    e.ready = true;
    e.drpcResponse = MetricsResp.newBuilder().addAllMetrics(List.of(metrics)).build().toByteArray();
    return e;
  }

  @Test
  void enginesSeriesCarryTheirRank() throws Exception {
    Metric dead = Metric.newBuilder().setName("engine_events_dead_ranks").setKind(Metric.Kind.COUNTER)
        .setHelp("Number of dead rank events received").setValue(2).build();
    Metric active = Metric.newBuilder().setName("engine_io_ops_update_active").setHelp("active")
        .putLabels("size", "4KB").setValue(3).build();
    List<Engine> engines = List.of(engine(0, 4, dead, active), engine(1, 7, dead));
    try (PromExporter t = TelemetryExporter.start(0, () -> engines)) {
      String page = scrape(t.port());
      assertTrue(page.contains("engine_events_dead_ranks{rank=\"4\"} 2.0"), page);
      assertTrue(page.contains("engine_events_dead_ranks{rank=\"7\"} 2.0"), page);
      assertTrue(page.contains("# TYPE engine_io_ops_update_active gauge"), page);
      assertTrue(page.contains("engine_io_ops_update_active{rank=\"4\",size=\"4KB\"} 3.0"), page);
      assertTrue(page.contains("server_engines_ready 2.0"), page);
      assertTrue(page.contains("engine_scrape_duration_seconds "), page);
    }
  }

  @Test
  void engineNotReadyIsLeftOut() throws Exception {
    FakeEngine e = engine(0, 1, Metric.newBuilder().setName("engine_rank").setValue(1).build());
    e.ready = false;
    try (PromExporter t = TelemetryExporter.start(0, () -> List.of(e))) {
      String page = scrape(t.port());
      assertTrue(!page.contains("engine_rank{"), page);
      assertTrue(page.contains("server_engines_ready 0.0"), page);
    }
  }

  @Test
  void portInUseSaysWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      IOException e = assertThrows(IOException.class,
          () -> TelemetryExporter.start(taken.getLocalPort(), List::of).close());
      assertTrue(e.getMessage().contains("telemetry_port " + taken.getLocalPort()), e.getMessage());
      assertTrue(e.getMessage().contains("set another telemetry_port"), e.getMessage());
    }
  }
}
