package io.daos.engine.telemetry;

import io.daos.cart.RpcCounters;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * One engine's telemetry under DAOS's Prometheus names (what DAOS's exporter derives from the shared-memory paths
 * {@code started_at}, {@code servicing_at}, {@code rank}, {@code events/dead_ranks}, {@code net/<prov>/...},
 * {@code io/ops/<op>/active}, {@code io/latency/<op>/<size>}, {@code pool/<uuid>/ops/<op>},
 * {@code pool/<uuid>/vos_space/...} and {@code mem/total_mem}). daos_server adds the {@code rank} label.
 */
public final class EngineMetrics {
  private final long startedAt = System.currentTimeMillis();
  private volatile long servicingAt;
  private final IntSupplier rank;
  private final RpcCounters rpc;
  private final String provider;
  private final LongAdder deadRanks = new LongAdder();
  private final Map<String, IoMeter> io = new ConcurrentHashMap<>();
  private final Map<UUID, Map<String, LongAdder>> poolOps = new ConcurrentHashMap<>();
  private volatile PoolSpace space = () -> List.of();

  /** Space used per pool and target on this engine ({@code vos_space}). */
  @FunctionalInterface
  public interface PoolSpace {
    List<TargetSpace> targets();
  }

  /** One pool target's used bytes per tier. */
  public record TargetSpace(UUID pool, int target, long scmUsed, long nvmeUsed) {
  }

  public EngineMetrics(IntSupplier rank, RpcCounters rpc, String provider) {
    this.rank = rank;
    this.rpc = rpc;
    this.provider = provider;
  }

  public EngineMetrics space(PoolSpace s) {
    this.space = s;
    return this;
  }

  /** The engine became ready to serve (SetUp answered). */
  public void servicing() {
    servicingAt = System.currentTimeMillis();
  }

  /** SWIM declared a rank dead. */
  public void deadRank() {
    deadRanks.increment();
  }

  /** The meter of object operation {@code op} ({@code update}, {@code fetch}, {@code punch}, ...). */
  public IoMeter io(String op) {
    return io.computeIfAbsent(op, IoMeter::new);
  }

  /** One {@code op} on {@code pool} was processed here (an object op, or a pool service op on its leader). */
  public void poolOp(UUID pool, String op) {
    if (pool != null) {
      poolOps.computeIfAbsent(pool, k -> new ConcurrentHashMap<>()).computeIfAbsent(op, k -> new LongAdder())
          .increment();
    }
  }

  /** Everything now, as the dRPC reply. */
  public MetricsResp snapshot() {
    MetricsResp.Builder b = MetricsResp.newBuilder();
    Snap s = new Snap(b);
    s.gauge("engine_started_at", "Timestamp of last engine startup", startedAt / 1000.0, Map.of());
    s.gauge("engine_servicing_at", "Timestamp when the engine became ready", servicingAt / 1000.0, Map.of());
    s.gauge("engine_rank", "Rank ID of this engine", rank.getAsInt(), Map.of());
    s.counter("engine_events_dead_ranks", "Number of dead rank events received", deadRanks.sum(), Map.of());
    net(s);
    ioMeters(s);
    pools(s);
    Runtime rt = Runtime.getRuntime();
    s.gauge("engine_mem_total_mem", "Total memory usage", rt.totalMemory() - rt.freeMemory(), Map.of());
    s.gauge("engine_mem_meminfo_arena", "Total memory arena", rt.totalMemory(), Map.of());
    return b.build();
  }

  private void net(Snap s) {
    Map<String, String> l = Map.of("provider", provider, "context", "0");
    long recv = 0;
    for (long n : rpc.snapshot().values()) {
      recv += n;
    }
    s.counter("engine_net_cm_rpc_recv", "Total number of RPCs received", recv, l);
  }

  private void ioMeters(Snap s) {
    for (IoMeter m : io.values()) {
      s.gauge("engine_io_ops_" + m.op() + "_active", "number of active object RPCs", m.active(), Map.of());
      m.latency().forEach((size, stats) -> latency(s, "engine_io_latency_" + m.op(), m.op() + " RPC processing time",
          size, stats.values()));
    }
  }

  private static void latency(Snap s, String name, String help, String size, double[] v) {
    Map<String, String> l = Map.of("size", size);
    s.gauge(name, help + " (us)", v[0], l);
    s.gauge(name + "_min", help + " (min value)", v[1], l);
    s.gauge(name + "_max", help + " (max value)", v[2], l);
    s.gauge(name + "_mean", help + " (mean)", v[3], l);
    s.counter(name + "_samples", help + " (samples)", v[5], l);
  }

  private void pools(Snap s) {
    poolOps.forEach((pool, ops) -> ops.forEach((op, n) -> s.counter("engine_pool_ops_" + op,
        op.startsWith("pool_") ? "Total number of processed " + op.replace('_', ' ') + " operations"
            : "total number of processed object RPCs", n.sum(), Map.of("pool", pool.toString()))));
    for (TargetSpace t : space.targets()) {
      Map<String, String> l = Map.of("pool", t.pool().toString(), "target", Integer.toString(t.target()));
      s.gauge("engine_pool_vos_space_scm_used", "SCM space used", t.scmUsed(), l);
      s.gauge("engine_pool_vos_space_nvme_used", "NVME space used", t.nvmeUsed(), l);
    }
  }

  private record Snap(MetricsResp.Builder b) {
    void gauge(String name, String help, double v, Map<String, String> labels) {
      add(name, Metric.Kind.GAUGE, help, v, labels);
    }

    void counter(String name, String help, double v, Map<String, String> labels) {
      add(name, Metric.Kind.COUNTER, help, v, labels);
    }

    private void add(String name, Metric.Kind kind, String help, double v, Map<String, String> labels) {
      b.addMetrics(Metric.newBuilder().setName(name).setKind(kind).setHelp(help).setValue(v).putAllLabels(labels));
    }
  }
}
