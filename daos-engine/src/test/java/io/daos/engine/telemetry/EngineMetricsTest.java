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

  private static double value(MetricsResp r, String name, String labelKey, String labelValue) {
    return r.getMetricsList().stream().filter(m -> m.getName().equals(name))
        .filter(m -> labelKey == null || labelValue.equals(m.getLabelsMap().get(labelKey)))
        .mapToDouble(Metric::getValue).findFirst().orElseThrow(() -> new AssertionError(name + " missing: " + r));
  }

  @Test
  void ioMetersMove() {
    EngineMetrics m = new EngineMetrics(() -> 3, new RpcCounters(), "ofi+tcp");
    IoMeter update = m.io("update");
    update.begin();
    update.begin();
    update.end(100, 4000);
    UUID pool = UUID.randomUUID();
    m.poolOp(pool, "update");
    m.deadRank();
    MetricsResp r = m.snapshot();
    assertEquals(3, value(r, "engine_rank", null, null));
    assertEquals(1, value(r, "engine_events_dead_ranks", null, null));
    assertEquals(1, value(r, "engine_io_ops_update_active", null, null));
    assertEquals(100, value(r, "engine_io_latency_update", "size", "4KB"));
    assertEquals(1, value(r, "engine_io_latency_update_samples", "size", "4KB"));
    assertEquals(1, value(r, "engine_pool_ops_update", "pool", pool.toString()));
  }
}
