package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.engine.DaosEngine;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.TargetState;
import io.daos.proto.mgmt.GetGroupStatusReq;
import io.daos.proto.mgmt.GetGroupStatusResp;
import io.daos.proto.pool.PoolMapRank;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmg system self-heal eval} (DAOS ds_mgmt_drpc_get_group_status + ds_pool_eval_self_heal_handler): with the
 * system property self_heal lacking pool_exclude, a dead engine's targets stay in the pool map (the pool service's
 * automatic exclusion is refused); once pool_exclude is in the property, the eval has the pool service leader look
 * again at the ranks its SWIM holds dead and those gone from the group map, and exclude them.
 */
class SelfHealEvalTest {
  /** SCM per rank of this class's pools, with no NVMe: nothing it checks needs the NVMe blob reserved on the disk. */
  private static final long SCM_ONLY = 256L << 20;
  private static final String[] SWIM_ENV = {"SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=2000"};
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void evalExcludesDeadRanksOncePoolExcludeIsAllowed() throws Exception {
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(1).targets(1)
        .replicas(1).engineEnv(SWIM_ENV).start()) {
      cluster.waitForReady();
      CommandResult set = cluster.dmg("system", "set-prop", "self_heal:exclude");
      assertEquals(0, set.exitCode(), set.toString());
      UUID pool = cluster.createPool("heal", SCM_ONLY, 0, 3).uuid();
      DaosEngine leader = cluster.engines().stream().map(InProcessEngine::engine)
          .filter(e -> e.poolServices().service(pool).map(s -> s.rdb().isLeader()).orElse(false)).findFirst()
          .orElseThrow(() -> new AssertionError("no pool service leader"));
      int leaderRank = leader.state().rank().getAsInt();
      int victim = cluster.ranksOf(2).get(0) != leaderRank ? cluster.ranksOf(2).get(0) : cluster.ranksOf(1).get(0);

      cluster.killEngine(victim);
      // SWIM declares it dead (dRPC 248 lists it) until the MS, with self_heal "exclude", takes it out of the group.
      Poll.until("rank " + victim + " is dead to the leader (dRPC 248) or gone from its group map", WAIT,
          () -> groupStatus(cluster, leader).getDeadRanksList().contains(victim)
              || !leader.state().groupMap().members().containsKey(victim), cluster::logs);
      var svc = leader.poolServices().service(pool).orElseThrow();
      svc.executor().submit(() -> { }).get(30, TimeUnit.SECONDS);
      svc.executor().submit(() -> { }).get(30, TimeUnit.SECONDS);
      assertEquals(1, RebuildSimpleTest.serviceMap(cluster, pool).getVersion(),
          "self_heal without pool_exclude: the dead rank is not excluded");

      set = cluster.dmg("system", "set-prop", "self_heal:exclude;pool_exclude;pool_rebuild");
      assertEquals(0, set.exitCode(), set.toString());
      CommandResult eval = cluster.dmg("system", "self-heal", "eval");
      assertEquals(0, eval.exitCode(), eval.toString());
      assertTrue(eval.stdout().contains("System self-heal eval request succeeded"), eval.toString());
      // DOWN, or already DOWN_OUT: the eval's pool_rebuild lets the exclusion's rebuild run and finish.
      Poll.until("rank " + victim + "'s target is excluded after the eval", WAIT, () -> {
        PoolMapRank r = RebuildSimpleTest.serviceMap(cluster, pool).getRanksList().stream()
            .filter(x -> x.getRank() == victim).findFirst().orElseThrow();
        int st = r.getTargets(0).getState();
        return st == TargetState.DOWN.bit() || st == TargetState.DOWNOUT.bit();
      }, cluster::logs);
    }
  }

  private static GetGroupStatusResp groupStatus(InProcessCluster cluster, DaosEngine e) {
    try (DrpcClient c = DrpcClient.builder(e.drpcSocket()).transport(cluster.drpcTransport())
        .timeout(Duration.ofSeconds(10)).connect()) {
      GetGroupStatusResp r = GetGroupStatusResp.parseFrom(c.call(DrpcMethod.MGMT_GROUP_STATUS_GET,
          GetGroupStatusReq.getDefaultInstance().toByteArray()));
      assertEquals(0, r.getStatus(), r.toString());
      return r;
    } catch (Exception x) {
      throw new AssertionError("dRPC 248: " + x, x);
    }
  }
}
