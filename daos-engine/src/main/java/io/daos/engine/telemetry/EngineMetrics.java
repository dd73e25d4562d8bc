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
 * {@code io/ops/<op>/active/tgt_<t>}, {@code io/latency/<op>/<size>/tgt_<t>}, {@code pool/<uuid>/ops/<op>/tgt_<t>},
 * {@code pool/<uuid>/xferred/<op>/tgt_<t>}, {@code pool/<uuid>/svc/...}, {@code pool/<uuid>/vos_space/...} and
 * {@code mem/total_mem}): object I/O
 * carries the {@code target} label of the target that served it, as DAOS's per-xstream sensors do; the CART-J
 * counters are one context's ({@code context="0"}). daos_server adds the {@code rank} label.
 */
public final class EngineMetrics {
  private final long startedAt = System.currentTimeMillis();
  private volatile long servicingAt;
  private final IntSupplier rank;
  private final RpcCounters rpc;
  private final String provider;
  private final LongAdder deadRanks = new LongAdder();
  private final Map<IoKey, IoMeter> io = new ConcurrentHashMap<>();
  private final Map<PoolKey, LongAdder> poolOps = new ConcurrentHashMap<>();
  private final Map<PoolKey, LongAdder> poolXferred = new ConcurrentHashMap<>();
  private volatile PoolSpace space = () -> List.of();
  private volatile java.util.function.Supplier<List<PoolSvcState>> poolSvcs = List::of;

  /** Space used per pool and target on this engine ({@code vos_space}). */
  @FunctionalInterface
  public interface PoolSpace {
    List<TargetSpace> targets();
  }

  /** One pool target's used bytes per tier. */
  public record TargetSpace(UUID pool, int target, long scmUsed, long nvmeUsed) {
  }

  /**
   * A pool service replica's gauges ({@code pool/<uuid>/svc/...}): the leader's rank, map version, open handles and
   * ranks and targets by state on the leader, zeros elsewhere.
   */
  public record PoolSvcState(UUID pool, int leader, long mapVersion, long openHandles, int totalRanks,
      int degradedRanks, int totalTargets, int drainingTargets, int disabledTargets) {
    /** What a replica that does not lead reports (DAOS's {@code pool_svc_step_down_metrics}). */
    public static PoolSvcState notLeader(UUID pool) {
      return new PoolSvcState(pool, 0, 0, 0, 0, 0, 0, 0, 0);
    }
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

  /** The pool service replicas on this engine, read at each snapshot. */
  public EngineMetrics poolServices(java.util.function.Supplier<List<PoolSvcState>> s) {
    this.poolSvcs = s;
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

  private record IoKey(String op, int target) {
  }

  /** A pool's series; {@code target} -1 for a pool service op, which has no target. */
  private record PoolKey(UUID pool, String op, int target) {
  }

  /**
   * The meter of object operation {@code op} (DAOS's names: {@code update}, {@code fetch}, {@code obj_punch}, ...) on
   * target {@code target}.
   */
  public IoMeter io(String op, int target) {
    return io.computeIfAbsent(new IoKey(op, target), k -> new IoMeter(k.op()));
  }

  /** One pool service {@code op} ({@code pool_connect}, ...) on {@code pool} was processed by its leader here. */
  public void poolOp(UUID pool, String op) {
    poolOp(pool, op, -1);
  }

  /** One object {@code op} on {@code pool} was processed by target {@code target}. */
  public void poolOp(UUID pool, String op, int target) {
    if (pool != null) {
      poolOps.computeIfAbsent(new PoolKey(pool, op, target), k -> new LongAdder()).increment();
    }
  }

  /** Target {@code target} moved {@code bytes} of {@code pool} for an {@code update} or a {@code fetch}. */
  public void poolXferred(UUID pool, String op, int target, long bytes) {
    if (pool != null) {
      poolXferred.computeIfAbsent(new PoolKey(pool, op, target), k -> new LongAdder()).add(bytes);
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
    rpc.counters().forEach((leaf, n) -> s.counter("engine_net_" + leaf, RpcCounters.help(leaf), n, l));
    s.gauge("engine_net_hg_active_rpcs", RpcCounters.help("hg_active_rpcs"), rpc.active(), l);
  }

  private void ioMeters(Snap s) {
    io.forEach((k, m) -> {
      String tgt = Integer.toString(k.target());
      s.gauge("engine_io_ops_" + m.op() + "_active", "number of active object RPCs", m.active(),
          Map.of("target", tgt));
      m.latency().forEach((size, stats) -> latency(s, "engine_io_latency_" + m.op(), m.op() + " RPC processing time",
          size, tgt, stats.values()));
    });
  }

  private static void latency(Snap s, String name, String help, String size, String target, double[] v) {
    Map<String, String> l = Map.of("size", size, "target", target);
    s.gauge(name, help + " (us)", v[0], l);
    s.gauge(name + "_min", help + " (min value)", v[1], l);
    s.gauge(name + "_max", help + " (max value)", v[2], l);
    s.gauge(name + "_mean", help + " (mean)", v[3], l);
    s.counter(name + "_samples", help + " (samples)", v[5], l);
  }

  private void pools(Snap s) {
    poolOps.forEach((k, n) -> s.counter("engine_pool_ops_" + k.op(), k.target() < 0
        ? "Total number of processed " + k.op().replace('_', ' ') + " operations"
        : "total number of processed object RPCs", n.sum(), poolLabels(k)));
    poolXferred.forEach((k, n) -> s.counter("engine_pool_xferred_" + k.op(), "update".equals(k.op())
        ? "total number of bytes updated/written" : "total number of bytes fetched/read", n.sum(), poolLabels(k)));
    for (PoolSvcState p : poolSvcs.get()) {
      Map<String, String> l = Map.of("pool", p.pool().toString());
      s.gauge("engine_pool_svc_leader", "Pool service leader rank", p.leader(), l);
      s.counter("engine_pool_svc_map_version", "Pool map version", p.mapVersion(), l);
      s.gauge("engine_pool_svc_open_pool_handles", "Pool handles held by clients", p.openHandles(), l);
      s.gauge("engine_pool_svc_total_ranks", "Pool storage ranks (total)", p.totalRanks(), l);
      s.gauge("engine_pool_svc_degraded_ranks", "Pool storage ranks (degraded)", p.degradedRanks(), l);
      s.gauge("engine_pool_svc_total_targets", "Pool storage targets (total)", p.totalTargets(), l);
      s.gauge("engine_pool_svc_draining_targets", "Pool storage targets (draining)", p.drainingTargets(), l);
      s.gauge("engine_pool_svc_disabled_targets", "Pool storage targets (disabled)", p.disabledTargets(), l);
    }
    for (TargetSpace t : space.targets()) {
      Map<String, String> l = Map.of("pool", t.pool().toString(), "target", Integer.toString(t.target()));
      s.gauge("engine_pool_vos_space_scm_used", "SCM space used", t.scmUsed(), l);
      s.gauge("engine_pool_vos_space_nvme_used", "NVME space used", t.nvmeUsed(), l);
    }
  }

  private static Map<String, String> poolLabels(PoolKey k) {
    return k.target() < 0 ? Map.of("pool", k.pool().toString())
        : Map.of("pool", k.pool().toString(), "target", Integer.toString(k.target()));
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
