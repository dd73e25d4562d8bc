package io.daos.engine.rebuild.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.Ticker;
import io.daos.engine.pool.map.PoolMapChanges;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.map.SysSelfHeal;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.placement.MapOp;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.Prop;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which map changes schedule a rebuild on the service leader (DAOS pool_svc_update_map: SWIM's exclusion needs the
 * system's pool_rebuild and the pool's AUTO_REBUILD or DELAY_REBUILD; the administrator's changes always; none with
 * DAOS_REBUILD=no), and the old map a task starts from. The rebuild service is absent here, so a scheduled task
 * stays pending: {@link RebuildScheduler#busy} tells whether one was scheduled.
 */
class RebuildSchedulerTest {
  static final UUID POOL = UUID.fromString("dddddddd-0000-0000-0000-00000000000d");
  static final int UPIN = 4;
  static final int UP = 2;
  static final int DOWN = 8;
  static final int DOWNOUT = 16;
  static final int DRAIN = 32;

  private final PoolServices services = new PoolServices("test", () -> null);

  @AfterEach
  void stop() {
    services.close();
  }

  private PoolService pool(long selfHeal) {
    PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addAllRanks(List.of(0, 1, 2, 3))
        .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.SVC_LIST).setStrval("[0]")).build();
    PoolService svc = services.add(new PoolService(POOL, new InMemoryRdb(POOL, 0), () -> List.of(0)));
    svc.initialize(PoolInit.tx(create, 2, Map.of()));
    call(svc, () -> svc.setProps(List.of(Prop.newBuilder().setType(PoolProps.SELF_HEAL).setNum(selfHeal).build())));
    return svc;
  }

  private static void call(PoolService svc, Runnable r) {
    try {
      svc.executor().submit(r).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private RebuildScheduler scheduler(PoolMapChanges changes, String sys, boolean disabled) {
    return new RebuildScheduler("test", services, changes, () -> null, () -> SysSelfHeal.parse(sys), Ticker.SYSTEM,
        RebuildScheduler.RETRY_DELAY, RebuildScheduler.MAX_RETRIES, disabled).registerOn(changes);
  }

  private static PoolMapChanges changes(String sys) {
    return new PoolMapChanges("test", () -> SysSelfHeal.parse(sys), (s, m) -> { });
  }

  private static void update(PoolService svc, PoolMapChanges c, MapOp op, int rank, PoolMapChanges.Source src) {
    call(svc, () -> c.update(svc, op, List.of(new TargetAddr(rank, TargetAddr.ALL)), false, src));
  }

  @Test
  void swimExclusionRebuildsOnlyWithPoolRebuildAndAutoRebuild() {
    String sys = "exclude;pool_exclude;pool_rebuild";
    PoolService svc = pool(PoolProps.SELF_HEAL_AUTO_EXCLUDE | PoolProps.SELF_HEAL_AUTO_REBUILD);
    PoolMapChanges c = changes(sys);
    RebuildScheduler s = scheduler(c, sys, false);
    update(svc, c, MapOp.EXCLUDE, 1, PoolMapChanges.Source.SWIM);
    assertTrue(s.busy(POOL), "SWIM's exclusion schedules a rebuild");
  }

  @Test
  void swimExclusionWithoutSystemPoolRebuildDoesNotRebuild() {
    PoolService svc = pool(PoolProps.SELF_HEAL_AUTO_EXCLUDE | PoolProps.SELF_HEAL_AUTO_REBUILD);
    PoolMapChanges c = changes("exclude;pool_exclude");
    RebuildScheduler s = scheduler(c, "exclude;pool_exclude", false);
    update(svc, c, MapOp.EXCLUDE, 1, PoolMapChanges.Source.SWIM);
    assertEquals(DOWN, state(svc.map(), 1), "excluded all the same");
    assertFalse(s.busy(POOL));
  }

  @Test
  void swimExclusionWithoutPoolAutoRebuildDoesNotRebuild() {
    String sys = "exclude;pool_exclude;pool_rebuild";
    PoolService svc = pool(PoolProps.SELF_HEAL_AUTO_EXCLUDE);
    PoolMapChanges c = changes(sys);
    RebuildScheduler s = scheduler(c, sys, false);
    update(svc, c, MapOp.EXCLUDE, 1, PoolMapChanges.Source.SWIM);
    assertEquals(DOWN, state(svc.map(), 1));
    assertFalse(s.busy(POOL));
    s.check();
    call(svc, () -> { });
    call(svc, () -> { });
    assertFalse(s.busy(POOL), "not regenerated either");
  }

  @Test
  void delayRebuildWaitsForTheNextMapChange() {
    String sys = "exclude;pool_exclude;pool_rebuild";
    PoolService svc = pool(PoolProps.SELF_HEAL_AUTO_EXCLUDE | RebuildScheduler.SELF_HEAL_DELAY_REBUILD);
    PoolMapChanges c = changes(sys);
    RebuildScheduler s = scheduler(c, sys, false);
    update(svc, c, MapOp.EXCLUDE, 1, PoolMapChanges.Source.SWIM);
    assertFalse(s.busy(POOL), "DELAY_REBUILD: the exclusion's rebuild waits");
    update(svc, c, MapOp.DRAIN, 2, PoolMapChanges.Source.DMG);
    assertTrue(s.busy(POOL), "the next change starts the delayed task and queues its own");
  }

  @Test
  void administratorsDrainAlwaysRebuilds() {
    PoolService svc = pool(0);
    PoolMapChanges c = changes("none");
    RebuildScheduler s = scheduler(c, "none", false);
    update(svc, c, MapOp.DRAIN, 2, PoolMapChanges.Source.DMG);
    assertTrue(s.busy(POOL));
  }

  @Test
  void daosRebuildNoSchedulesNothing() {
    String sys = "exclude;pool_exclude;pool_rebuild";
    PoolService svc = pool(PoolProps.SELF_HEAL_AUTO_EXCLUDE | PoolProps.SELF_HEAL_AUTO_REBUILD);
    PoolMapChanges c = changes(sys);
    RebuildScheduler s = scheduler(c, sys, true);
    update(svc, c, MapOp.DRAIN, 2, PoolMapChanges.Source.DMG);
    update(svc, c, MapOp.EXCLUDE, 1, PoolMapChanges.Source.DMG);
    s.check();
    call(svc, () -> { });
    assertFalse(s.busy(POOL));
  }

  @Test
  void newLeaderRegeneratesUnfinishedTargets() {
    String sys = "exclude;pool_exclude;pool_rebuild";
    PoolService svc = pool(PoolProps.SELF_HEAL_AUTO_EXCLUDE | PoolProps.SELF_HEAL_AUTO_REBUILD);
    PoolMapChanges before = changes(sys);
    update(svc, before, MapOp.EXCLUDE, 1, PoolMapChanges.Source.DMG);
    RebuildScheduler s = scheduler(changes(sys), sys, false);
    assertFalse(s.busy(POOL));
    s.check();
    call(svc, () -> { });
    assertTrue(s.busy(POOL), "the DOWN targets get a task");
  }

  @Test
  void rolledBackPutsUnfinishedTargetsBack() {
    PoolMap m = PoolMap.newBuilder().setVersion(9)
        .addRanks(io.daos.proto.pool.PoolMapRank.newBuilder().setRank(0).setFaultDomain("/a")
            .addTargets(target(DOWN)).addTargets(target(DRAIN)))
        .addRanks(io.daos.proto.pool.PoolMapRank.newBuilder().setRank(1).setFaultDomain("/b")
            .addTargets(target(UP)).addTargets(target(DOWNOUT)).addTargets(target(UPIN)))
        .build();
    PoolMap old = RebuildScheduler.rolledBack(m, 8);
    assertEquals(8, old.getVersion());
    assertEquals(List.of(UPIN, UPIN), states(old, 0));
    assertEquals(List.of(DOWNOUT, DOWNOUT, UPIN), states(old, 1));
  }

  private static io.daos.proto.pool.PoolMapTarget target(int state) {
    return io.daos.proto.pool.PoolMapTarget.newBuilder().setState(state).setFseq(3).build();
  }

  private static List<Integer> states(PoolMap m, int rank) {
    return m.getRanksList().stream().filter(r -> r.getRank() == rank).findFirst().orElseThrow().getTargetsList()
        .stream().map(t -> t.getState()).toList();
  }

  private static int state(PoolMap m, int rank) {
    return states(m, rank).get(0);
  }
}
