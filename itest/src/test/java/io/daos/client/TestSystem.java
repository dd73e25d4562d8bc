package io.daos.client;

import io.daos.agent.config.CredentialConfig;
import io.daos.client.pool.PoolInfo;
import io.daos.cart.FaultInjection;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosStatus;
import io.daos.itest.InProcessCluster;
import io.daos.itest.MiniDaosCluster;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.itest.inproc.TargetStore;
import io.daos.rpc.ObjRpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What libdaos's tests see of a shared in-process cluster: one pool made for the test, the RPCs each rank's
 * handlers took since, what a target's VOS holds, and faults and stopped engines that {@link #close()} undoes
 * (it also destroys the pool).
 */
final class TestSystem implements AutoCloseable {
  private static final List<Opcode> OBJ_OPCODES = List.of(ObjRpc.UPDATE, ObjRpc.FETCH, ObjRpc.DKEY_ENUMERATE,
      ObjRpc.AKEY_ENUMERATE, ObjRpc.RECX_ENUMERATE, ObjRpc.PUNCH, ObjRpc.PUNCH_DKEYS, ObjRpc.PUNCH_AKEYS,
      ObjRpc.QUERY_KEY, ObjRpc.TGT_UPDATE, ObjRpc.TGT_PUNCH, ObjRpc.TGT_PUNCH_DKEYS, ObjRpc.TGT_PUNCH_AKEYS);

  private final InProcessCluster cluster;
  private final String label;
  private final MiniDaosCluster.CreatedPool pool;
  private final Map<Integer, Map<Opcode, Long>> baseline = new HashMap<>();
  private final List<Integer> excluded = new ArrayList<>();
  private boolean broken;
  private UUID cont;

  /** Creates pool {@code label}: {@code scmPerRank} bytes of SCM per rank, no NVMe, {@code svc} replicas. */
  TestSystem(InProcessCluster cluster, String label, long scmPerRank, int svc) {
    this.cluster = cluster;
    this.label = label;
    this.pool = cluster.createPool(label, scmPerRank, 0, svc);
    resetCalls();
  }

  /** {@link #calls} count from now on. */
  void resetCalls() {
    cluster.engines().forEach(e -> baseline.put(rank(e), e.engine().rpcCounters().snapshot()));
  }

  /** The pool as a client finds it now: its service replicas in the order clients try them, and the leader. */
  PoolInfo probe() {
    try (DaosClient c = clientBuilder().build()) {
      DaosPool p = c.connectPool(label, io.daos.rpc.PoolRpc.PC_RO);
      PoolInfo info = p.query();
      p.disconnect();
      return info;
    }
  }

  private static int rank(InProcessEngine e) {
    return e.engine().state().rank().orElse(-1);
  }

  /**
   * A client builder for the cluster: fixed seed, 10 s RPCs and the default retries (a new pool's service may still
   * be electing its leader).
   */
  DaosClient.Builder clientBuilder() {
    try {
      return cluster.clientBuilder().seed(42).rpcTimeout(Duration.ofSeconds(10));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #clientBuilder()}, for a client whose credential names {@code user} (group, groups) instead. */
  DaosClient.Builder clientBuilderAs(String user, String group, String... groups) {
    try {
      return cluster.clientBuilderAs(new CredentialConfig.MappedClientUser(user, group, List.of(groups))).seed(42)
          .rpcTimeout(Duration.ofSeconds(10));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code dmg pool update-acl} on this test's pool. */
  void poolUpdateAcl(String... entries) {
    cluster.poolUpdateAcl(label, List.of(entries));
  }

  /** The cluster, for pools a test makes beyond its own. */
  InProcessCluster cluster() {
    return cluster;
  }

  /** The pool's service replicas as PoolCreate reported them. */
  List<Integer> serviceReplicas() {
    return pool.resp().getSvcRepsList();
  }

  UUID poolUuid() {
    return pool.uuid();
  }

  /** The container {@link #store} reads. */
  void useContainer(UUID uuid) {
    cont = uuid;
  }

  /** RPCs of {@code opc} that {@code rank}'s handlers took since the pool was made. */
  int calls(int rank, Opcode opc) {
    InProcessEngine e = engine(rank);
    long before = baseline.getOrDefault(rank, Map.of()).getOrDefault(opc, 0L);
    return (int) (e.engine().rpcCounters().served(opc) - before);
  }

  /** {@link #calls} summed over every rank (a pool service call lands on whichever replica leads). */
  int callsToService(Opcode opc) {
    return cluster.engines().stream().mapToInt(e -> calls(rank(e), opc)).sum();
  }

  /** Target {@code target} of {@code rank}, read through its VOS. */
  TargetStore store(int rank, int target) {
    return new TargetStore(engine(rank).engine(), target, poolUuid(), cont);
  }

  /** Object RPCs to {@code rank} fail with {@code st} (DAOS_SHARD_OBJ_RW_CRT_ERROR on the engine). */
  void failObjects(int rank, DaosStatus st) {
    engine(rank).engine().faults().arm(new FaultInjection.Fault(FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR,
        st, Duration.ZERO), OBJ_OPCODES);
  }

  /** Kills {@code rank}'s engine: its RPCs fail DER_UNREACH. */
  void stop(int rank) {
    broken = true;
    cluster.killEngine(rank);
  }

  /** {@code dmg system exclude --ranks <rank>} (undone by {@link #close()}). */
  void exclude(int rank) {
    excluded.add(rank);
    cluster.systemExclude(Integer.toString(rank), false);
  }

  String uri(int rank) {
    return engine(rank).engine().uri();
  }

  InProcessEngine engine(int rank) {
    return cluster.engine(rank).orElseThrow(() -> new AssertionError("no running engine has rank " + rank));
  }

  @Override
  public void close() {
    cluster.clearFaults();
    excluded.forEach(r -> cluster.systemExclude(Integer.toString(r), true));
    try {
      if (broken) {
        cluster.heal();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      cluster.destroyPool(label);
    }
  }
}
