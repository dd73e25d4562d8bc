package io.daos.client.telemetry;

import io.daos.cart.Opcode;
import io.daos.cart.RpcCounters;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import io.daos.rpc.ObjRpc;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One libdaos process's telemetry under the names DAOS's agent exports for it (the paths
 * {@code started_at}, {@code pool/<uuid>/ops/<op>}, {@code pool/<uuid>/xferred/<op>} and
 * {@code net/<provider>/<counter>/ctx_<i>} of the client's segment, made {@code client_*} names by
 * {@code promexp.newClientMetric}); the agent adds {@code jobid} and {@code pid}. An object RPC counts once its reply
 * arrived, whatever the status in it.
 */
public final class ClientMetrics {
  /** DAOS's switch: collect client metrics. */
  public static final String ENABLE_ENV = "D_CLIENT_METRICS_ENABLE";
  /** DAOS's switch: register with the agent, which exports them (implies {@link #ENABLE_ENV}). */
  public static final String REGISTER_ENV = "D_CLIENT_METRICS_REGISTER";
  /** DAOS's job id variable ({@code DEFAULT_JOBID_ENV}); without it the job id is {@code <hostname>-<pid>}. */
  public static final String JOBID_ENV = "DAOS_JOBID";

  /** The CART counters a client moves (it serves no RPCs). */
  private static final java.util.Set<String> SENDER_SIDE = java.util.Set.of("cm_rpc_sent", "cm_rpc_completed",
      "cm_rpc_completed_err", "cm_rpc_timedout", "cm_net_glitches", "hg_req_sent", "hg_resp_recv");

  private final double startedAt;
  private final String provider;
  private final RpcCounters rpc = new RpcCounters();
  private final Map<Key, LongAdder> ops = new ConcurrentHashMap<>();
  private final Map<Key, LongAdder> xferred = new ConcurrentHashMap<>();

  private record Key(UUID pool, String op) {
  }

  /** Metrics of a client started at {@code startedAtMillis} whose RPCs go over {@code provider}. */
  public ClientMetrics(long startedAtMillis, String provider) {
    this.startedAt = startedAtMillis / 1000.0;
    this.provider = provider;
  }

  /**
   * Whether DAOS's switches ask for metrics and for registration: the process environment first, then the
   * {@code NAME=VALUE} variables the agent's GetAttachInfo hands out ({@code client_net_hint.env_vars}), as libdaos
   * applies those that the environment does not set.
   */
  public record Settings(boolean enabled, boolean register) {
    public static Settings of(Map<String, String> env, List<String> agentEnv) {
      boolean register = flag(REGISTER_ENV, env, agentEnv);
      return new Settings(register || flag(ENABLE_ENV, env, agentEnv), register);
    }

    private static boolean flag(String name, Map<String, String> env, List<String> agentEnv) {
      String v = env.get(name);
      if (v == null) {
        v = agentEnv.stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
            .findFirst().orElse(null);
      }
      return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }
  }

  /** The counters the client's CART-J client fills. */
  public RpcCounters rpc() {
    return rpc;
  }

  /**
   * An RPC {@code opc} whose request body was {@code body} got its reply; it sent {@code bytesOut} and received
   * {@code bytesIn} bytes of bulk. Only object RPCs count.
   */
  public void replied(Opcode opc, ByteBuffer body, long bytesOut, long bytesIn) {
    String op = ObjRpc.metricName(opc);
    if ("unknown".equals(op)) {
      return;
    }
    UUID pool = ObjRpc.peekPool(body);
    if (pool == null) {
      return;
    }
    ops.computeIfAbsent(new Key(pool, op), k -> new LongAdder()).increment();
    if ("update".equals(op) || "fetch".equals(op)) {
      xferred.computeIfAbsent(new Key(pool, op), k -> new LongAdder()).add("update".equals(op) ? bytesOut : bytesIn);
    }
  }

  /** Everything now. */
  public MetricsResp snapshot() {
    MetricsResp.Builder b = MetricsResp.newBuilder();
    b.addMetrics(metric("client_started_at", Metric.Kind.GAUGE, "Timestamp of client startup", startedAt, Map.of()));
    ops.forEach((k, n) -> b.addMetrics(metric("client_pool_ops_" + k.op(), Metric.Kind.COUNTER,
        "total number of processed object RPCs", n.sum(), Map.of("pool", k.pool().toString()))));
    xferred.forEach((k, n) -> b.addMetrics(metric("client_pool_xferred_" + k.op(), Metric.Kind.COUNTER,
        "update".equals(k.op()) ? "total number of bytes updated/written" : "total number of bytes fetched/read",
        n.sum(), Map.of("pool", k.pool().toString()))));
    Map<String, String> net = Map.of("provider", provider, "context", "0");
    rpc.counters().forEach((leaf, n) -> {
      if (SENDER_SIDE.contains(leaf)) {
        b.addMetrics(metric("client_net_" + leaf, Metric.Kind.COUNTER, RpcCounters.help(leaf), n, net));
      }
    });
    return b.build();
  }

  private static Metric metric(String name, Metric.Kind kind, String help, double v, Map<String, String> labels) {
    return Metric.newBuilder().setName(name).setKind(kind).setHelp(help).setValue(v).putAllLabels(labels).build();
  }
}
