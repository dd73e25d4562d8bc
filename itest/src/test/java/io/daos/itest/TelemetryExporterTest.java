package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * One daos_server with one engine and telemetry_port set: /metrics, scraped over HTTP, carries DAOS's engine metric
 * names with the engine's rank label (and target label on I/O) and the control plane's own, and the I/O metrics move
 * under KV puts and gets; the agent's /metrics carries the client's {@code client_*} metrics, which move too.
 */
@ResourceLock(TestLocks.PROCESSES)
class TelemetryExporterTest {
  private static final List<String> ENGINE_NAMES = List.of("engine_started_at", "engine_servicing_at",
      "engine_rank", "engine_events_dead_ranks", "engine_net_cm_rpc_recv", "engine_io_ops_update_active",
      "engine_io_ops_fetch_active", "engine_io_latency_update", "engine_io_latency_fetch", "engine_pool_ops_update",
      "engine_pool_ops_fetch", "engine_pool_ops_pool_connect", "engine_pool_vos_space_scm_used",
      "engine_pool_vos_space_nvme_used", "engine_mem_total_mem", "engine_net_cm_rpc_replied", "engine_net_hg_req_recv",
      "engine_net_hg_active_rpcs", "engine_pool_xferred_update", "engine_pool_xferred_fetch", "engine_pool_svc_leader",
      "engine_pool_svc_map_version", "engine_pool_svc_open_pool_handles", "engine_pool_svc_total_ranks",
      "engine_pool_svc_degraded_ranks", "engine_pool_svc_total_targets", "engine_pool_svc_draining_targets",
      "engine_pool_svc_disabled_targets");

  @TempDir
  Path dir;

  @Test
  @Timeout(120)
  void scrapesEngineMetricsWithRankLabels() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(1).engines(1).targets(1)
        .replicas(1).telemetry(true).start()) {
      cluster.waitForReady();
      URI metrics = URI.create("http://127.0.0.1:" + cluster.telemetryPort(0) + "/metrics");
      cluster.createPool("tank", 256L << 20, 0, 1);
      PromText before = PromText.scrape(metrics);
      assertEquals(0, before.value("engine_rank", "rank=\"0\""), before.text());
      URI agentMetrics;
      try (DaosClient client = cluster.clientBuilder().metricsInterval(java.time.Duration.ofMillis(50)).build()) {
        agentMetrics = URI.create("http://127.0.0.1:" + cluster.agentTelemetryPort() + "/metrics");
        DaosPool pool = client.connectPool("tank", PoolRpc.PC_RW);
        pool.createContainer(ContainerProps.empty().withLabel("c1"));
        pool.query();
        DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RW);
        DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
        for (int i = 0; i < 20; i++) {
          byte[] v = ("value-" + i).getBytes(StandardCharsets.UTF_8);
          kv.put("k" + i, v);
          assertArrayEquals(v, kv.get("k" + i));
          if (i == 9) {
            Poll.until("the client's first 10 updates on the agent's /metrics", java.time.Duration.ofSeconds(10),
                () -> scrapeQuietly(agentMetrics).sum("client_pool_ops_update", "pool=\"" + pool.uuid() + "\"") >= 10,
                cluster::logs);
          }
        }
      }
      PromText client = PromText.scrape(agentMetrics);
      String pid = "pid=\"" + ProcessHandle.current().pid() + "\"";
      assertTrue(client.sum("client_pool_ops_update", pid) >= 20, "the last push at close: " + client.text());
      assertTrue(client.sum("client_pool_ops_fetch", pid) >= 20, client.text());
      assertTrue(client.sum("client_pool_xferred_update", pid) >= 20 * "value-0".length(), client.text());
      assertTrue(client.has("client_started_at", "jobid=\""), client.text());
      assertTrue(client.sum("client_net_cm_rpc_completed", "provider=\"ofi+tcp\"") >= 40, client.text());
      PromText after = PromText.scrape(metrics);
      for (String name : ENGINE_NAMES) {
        assertTrue(after.has(name, "rank=\"0\""), name + " with rank=\"0\" missing:\n" + after.text());
      }
      assertTrue(after.has("engine_scrape_duration_seconds", ""), after.text());
      assertEquals(1, after.value("server_engines_ready", ""), after.text());
      assertTrue(after.value("engine_net_cm_rpc_recv", "rank=\"0\"")
          >= before.value("engine_net_cm_rpc_recv", "rank=\"0\"") + 40, after.text());
      assertTrue(after.sum("engine_pool_ops_update", "rank=\"0\"") >= 20, after.text());
      // The pool service leader's gauges (DAOS pool/<uuid>/svc/...): one rank, one target, none disabled.
      assertEquals(1, after.sum("engine_pool_svc_total_ranks", "rank=\"0\""), after.text());
      assertEquals(1, after.sum("engine_pool_svc_total_targets", "rank=\"0\""), after.text());
      assertEquals(0, after.sum("engine_pool_svc_disabled_targets", "rank=\"0\""), after.text());
      assertTrue(after.sum("engine_pool_svc_map_version", "rank=\"0\"") >= 1, after.text());
      assertTrue(after.sum("engine_pool_ops_pool_query_space", "rank=\"0\"") >= 1, after.text());
      assertTrue(after.sum("engine_io_latency_update_samples", "rank=\"0\"") >= 20, after.text());
      assertTrue(after.sum("engine_io_latency_fetch_samples", "rank=\"0\"") >= 20, after.text());
      assertEquals(0, after.sum("engine_io_ops_update_active", "rank=\"0\""), after.text());
      assertTrue(after.has("engine_io_ops_update_active", "target=\"0\""), after.text());
      assertTrue(after.sum("engine_pool_xferred_update", "target=\"0\"") >= 20 * "value-0".length(), after.text());
      assertTrue(after.value("engine_net_cm_rpc_replied", "rank=\"0\"")
          >= before.value("engine_net_cm_rpc_replied", "rank=\"0\"") + 40, after.text());
      CommandResult q = cluster.dmg("telemetry", "metrics", "query", "-l", "127.0.0.1", "-p",
          Integer.toString(cluster.telemetryPort(0)), "-m", "engine_io_latency_update");
      assertEquals(0, q.exitCode(), q.stderr());
      assertTrue(q.stdout().contains("- Metric Set: engine_io_latency_update (Type: Gauge)"), q.stdout());
      assertTrue(q.stdout().contains("(rank=0, size="), q.stdout());
    }
  }

  /** The same with daos_server and its engine as real processes: the engine answers over a real dRPC socket. */
  @Test
  @Timeout(180)
  void realProcessEngineMetrics() throws Exception {
    try (MiniDaosCluster cluster = MiniDaosCluster.builder(dir).servers(1).engines(1).targets(1).replicas(1)
        .telemetry(true).start()) {
      cluster.waitForReady();
      URI metrics = URI.create("http://127.0.0.1:" + cluster.telemetryPort(0) + "/metrics");
      Poll.until("engine metrics of rank 0", java.time.Duration.ofSeconds(30),
          () -> PromText.serves(metrics, "engine_servicing_at", "rank=\"0\""), () -> cluster.logs());
      PromText page = PromText.scrape(metrics);
      assertTrue(page.value("engine_servicing_at", "rank=\"0\"") > 0, page.text());
      assertTrue(page.has("engine_net_cm_rpc_recv", "rank=\"0\""), page.text());
    }
  }

  private static PromText scrapeQuietly(URI uri) {
    try {
      return PromText.scrape(uri);
    } catch (Exception e) {
      return new PromText("");
    }
  }

  /** A Prometheus text-format page and look-ups of its samples by name and one label. */
  record PromText(String text) {
    static PromText scrape(URI uri) throws Exception {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      return new PromText(r.body());
    }

    /** Whether {@code uri} answers with a sample of {@code name} carrying {@code label} (false while it cannot). */
    static boolean serves(URI uri, String name, String label) {
      try {
        return scrape(uri).has(name, label);
      } catch (Exception | AssertionError e) {
        return false;
      }
    }

    List<String> samples(String name, String label) {
      return text.lines().filter(l -> !l.startsWith("#"))
          .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
          .filter(l -> l.contains(label)).toList();
    }

    boolean has(String name, String label) {
      return !samples(name, label).isEmpty();
    }

    double value(String name, String label) {
      List<String> s = samples(name, label);
      assertEquals(1, s.size(), name + " " + label + ":\n" + text);
      return parse(s.get(0));
    }

    double sum(String name, String label) {
      return samples(name, label).stream().mapToDouble(PromText::parse).sum();
    }

    private static double parse(String line) {
      String[] parts = line.trim().split(" ");
      return Double.parseDouble(parts[parts.length - 1]);
    }
  }
}
