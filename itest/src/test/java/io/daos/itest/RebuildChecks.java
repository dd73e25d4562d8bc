package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.daos.cart.FaultInjection;
import io.daos.cart.Opcode;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.engine.DaosEngine;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.proto.mgmt.PoolQueryTargetInfo.TargetState;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cluster the self-healing tests share the shape of (4 servers × 1 engine × 2 targets, each host its own fault
 * domain, 3 MS replicas, a 3 s CART timeout) and what they all ask of it: the live ranks and their engines,
 * {@code dmg pool query}, a rank's target states as the pool service sees them, RPC counts and fault points.
 */
final class RebuildChecks {
  private final InProcessCluster cluster;

  RebuildChecks(InProcessCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts the cluster in {@code dir} with {@code env} in every engine's environment and waits until it is ready. */
  static InProcessCluster start(Path dir, String... env) throws Exception {
    InProcessCluster c = MiniDaosCluster.builder(dir).inProcess().servers(4).engines(1).targets(2).replicas(3)
        .crtTimeout(3).engineEnv(env).start();
    c.waitForReady();
    return c;
  }

  /** The engine serving {@code rank}. */
  DaosEngine engine(int rank) {
    return cluster.engine(rank).orElseThrow().engine();
  }

  /** The ranks of the running engines, ascending. */
  List<Integer> ranks() {
    return cluster.engines().stream().map(e -> e.engine().state().rank().orElse(-1)).filter(r -> r >= 0).sorted()
        .toList();
  }

  /** The lowest running rank not in {@code avoid}. */
  int rankNot(Set<Integer> avoid) {
    return ranks().stream().filter(r -> !avoid.contains(r)).findFirst().orElseThrow();
  }

  /** {@code dmg pool query label}'s response; the call must succeed. */
  JsonObject query(String label) {
    JsonObject env = cluster.dmgJson("pool", "query", label);
    assertEquals(0, env.get("status").getAsInt(), env.toString());
    return env.getAsJsonObject("response");
  }

  /**
   * Pool query for a poll: while the pool service answers an error (electing, say), a response with version 0, -1
   * disabled targets and a rebuild state "unknown" carrying the error.
   */
  JsonObject pollQuery(String label) {
    JsonObject env = cluster.dmgJson("pool", "query", label);
    if (env.get("status").getAsInt() == 0) {
      return env.getAsJsonObject("response");
    }
    JsonObject none = new JsonObject();
    none.addProperty("version", 0);
    none.addProperty("disabled_targets", -1);
    JsonObject rb = new JsonObject();
    rb.addProperty("state", "unknown");
    rb.addProperty("derived_state", "unknown");
    rb.addProperty("status", env.get("status").getAsInt());
    rb.addProperty("objects", 0);
    none.add("rebuild", rb);
    return none;
  }

  /** Runs dmg with {@code args}; it must succeed. */
  void dmg(String... args) {
    JsonObject r = cluster.dmgJson(args);
    assertEquals(0, r.get("status").getAsInt(), String.join(" ", args) + ": " + r);
  }

  /** The states of {@code rank}'s targets in pool {@code p}, asked of rank {@code via} (MGMT_POOL_QUERY_TARGETS). */
  List<TargetState> targetStates(MiniDaosCluster.CreatedPool p, int via, int rank) {
    InProcessEngine e = cluster.engine(via).orElseThrow();
    try (DrpcClient c = DrpcClient.builder(e.engine().drpcSocket()).transport(cluster.drpcTransport())
        .timeout(Duration.ofSeconds(30)).connect()) {
      PoolQueryTargetResp r = PoolQueryTargetResp.parseFrom(c.call(DrpcMethod.MGMT_POOL_QUERY_TARGETS,
          PoolQueryTargetReq.newBuilder().setId(p.uuid().toString()).setRank(rank)
              .addAllSvcRanks(p.resp().getSvcRepsList()).build().toByteArray()));
      assertEquals(0, r.getStatus(), "query targets of rank " + rank);
      return r.getInfosList().stream().map(i -> i.getState()).toList();
    } catch (Exception x) {
      throw new AssertionError("query targets of rank " + rank + " via " + via + ": " + x, x);
    }
  }

  /** RPCs of {@code op} each running rank's handlers have taken so far. */
  Map<Integer, Long> served(Opcode op) {
    Map<Integer, Long> out = new TreeMap<>();
    ranks().forEach(r -> out.put(r, engine(r).rpcCounters().served(op)));
    return out;
  }

  /** {@link #served} minus {@code before}. */
  Map<Integer, Long> servedSince(Opcode op, Map<Integer, Long> before) {
    Map<Integer, Long> out = new TreeMap<>();
    served(op).forEach((r, n) -> out.put(r, n - before.getOrDefault(r, 0L)));
    return out;
  }

  /** Arms {@code point} on {@code op} at the engines of {@code ranks}. */
  void arm(FaultInjection.Point point, Opcode op, Iterable<Integer> ranks) {
    for (int r : ranks) {
      engine(r).faults().arm(point, List.of(op));
    }
  }

  /** Disarms whatever is armed on {@code op} at every engine. */
  void disarm(Opcode op) {
    cluster.engines().forEach(e -> e.engine().faults().disarm(List.of(op)));
  }
}
