package io.daos.engine.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.RpcCounters;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {
  static Stream<Arguments> buckets() {
    return Stream.of(Arguments.of(0, "256B"), Arguments.of(256, "256B"), Arguments.of(257, "512B"),
        Arguments.of(1000, "1KB"), Arguments.of(4096, "4KB"), Arguments.of(1 << 20, "1MB"),
        Arguments.of(4 << 20, "4MB"), Arguments.of((4 << 20) + 1, "GT4MB"));
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("buckets")
  void sizeBucketAsDaos(long bytes, String bucket) {
    assertEquals(bucket, IoMeter.sizeBucket(bytes));
  }

  private static double value(MetricsResp r, String name, String... labels) {
    return r.getMetricsList().stream().filter(m -> m.getName().equals(name))
        .filter(m -> {
          for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(m.getLabelsMap().get(labels[i]))) {
              return false;
            }
          }
          return true;
        })
        .mapToDouble(Metric::getValue).findFirst().orElseThrow(() -> new AssertionError(name + " missing: " + r));
  }

  @Test
  void ioMetersMovePerTarget() {
    EngineMetrics m = new EngineMetrics(() -> 3, new RpcCounters(), "ofi+tcp");
    IoMeter update = m.io("update", 1);
    update.begin();
    update.begin();
    update.end(100, 4000);
    m.io("update", 0).begin();
    UUID pool = UUID.randomUUID();
    m.poolOp(pool, "update", 1);
    m.poolOp(pool, "pool_connect");
    m.poolXferred(pool, "update", 1, 4000);
    m.deadRank();
    MetricsResp r = m.snapshot();
    assertEquals(3, value(r, "engine_rank"));
    assertEquals(1, value(r, "engine_events_dead_ranks"));
    assertEquals(1, value(r, "engine_io_ops_update_active", "target", "1"));
    assertEquals(1, value(r, "engine_io_ops_update_active", "target", "0"));
    assertEquals(100, value(r, "engine_io_latency_update", "size", "4KB", "target", "1"));
    assertEquals(1, value(r, "engine_io_latency_update_samples", "size", "4KB", "target", "1"));
    assertEquals(1, value(r, "engine_pool_ops_update", "pool", pool.toString(), "target", "1"));
    assertEquals(4000, value(r, "engine_pool_xferred_update", "pool", pool.toString(), "target", "1"));
    Metric connect = r.getMetricsList().stream().filter(x -> x.getName().equals("engine_pool_ops_pool_connect"))
        .findFirst().orElseThrow();
    assertEquals(java.util.Map.of("pool", pool.toString()), connect.getLabelsMap(), "a pool service op has no target");
  }

  @Test
  void poolServiceGaugesCarryThePoolLabel() {
    UUID pool = UUID.randomUUID();
    MetricsResp r = new EngineMetrics(() -> 0, new RpcCounters(), "ofi+tcp").poolServices(() -> java.util.List.of(
        new EngineMetrics.PoolSvcState(pool, 2, 9, 4, 3, 1, 24, 2, 8))).snapshot();
    String p = pool.toString();
    assertEquals(2, value(r, "engine_pool_svc_leader", "pool", p));
    assertEquals(9, value(r, "engine_pool_svc_map_version", "pool", p));
    assertEquals(4, value(r, "engine_pool_svc_open_pool_handles", "pool", p));
    assertEquals(3, value(r, "engine_pool_svc_total_ranks", "pool", p));
    assertEquals(1, value(r, "engine_pool_svc_degraded_ranks", "pool", p));
    assertEquals(24, value(r, "engine_pool_svc_total_targets", "pool", p));
    assertEquals(2, value(r, "engine_pool_svc_draining_targets", "pool", p));
    assertEquals(8, value(r, "engine_pool_svc_disabled_targets", "pool", p));
    Metric version = r.getMetricsList().stream().filter(x -> x.getName().equals("engine_pool_svc_map_version"))
        .findFirst().orElseThrow();
    assertEquals(Metric.Kind.COUNTER, version.getKind(), "DAOS keeps the map version as a counter");
  }

  @Test
  void netCountersCarryDaosNamesProviderAndContext() {
    RpcCounters rpc = new RpcCounters();
    rpc.received();
    rpc.served(io.daos.rpc.ObjRpc.UPDATE.code());
    rpc.sent();
    rpc.ended(RpcCounters.Outcome.TIMED_OUT);
    MetricsResp r = new EngineMetrics(() -> 0, rpc, "ofi+tcp").snapshot();
    assertEquals(1, value(r, "engine_net_cm_rpc_recv", "provider", "ofi+tcp", "context", "0"));
    assertEquals(1, value(r, "engine_net_hg_req_recv", "provider", "ofi+tcp"));
    assertEquals(1, value(r, "engine_net_hg_active_rpcs", "provider", "ofi+tcp"));
    assertEquals(1, value(r, "engine_net_cm_rpc_sent", "provider", "ofi+tcp"));
    assertEquals(1, value(r, "engine_net_cm_rpc_timedout", "provider", "ofi+tcp"));
    assertEquals(1, value(r, "engine_net_cm_rpc_completed_err", "provider", "ofi+tcp"));
    assertEquals(0, value(r, "engine_net_cm_rpc_completed", "provider", "ofi+tcp"));
  }
}
