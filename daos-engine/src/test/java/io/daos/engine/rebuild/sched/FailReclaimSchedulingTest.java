package io.daos.engine.rebuild.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.Ticker;
import io.daos.common.status.DaosStatus;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool service's part of RB_OP_FAIL_RECLAIM ({@code rebuild_task_complete_schedule}, {@code retry_rebuild_task},
 * {@code ds_pool_tgt_revert_rebuild}): which errors revert the map, which targets are reverted and what state the
 * committed revert leaves them in, and that a reverted map has nothing for the scheduler to regenerate.
 */
class FailReclaimSchedulingTest {
  static final UUID POOL = UUID.fromString("dddddddd-0000-0000-0000-0000000000fa");
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

  private PoolService pool() {
    PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addAllRanks(List.of(0, 1, 2, 3))
        .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.SVC_LIST).setStrval("[0]")).build();
    PoolService svc = services.add(new PoolService(POOL, new InMemoryRdb(POOL, 0), () -> List.of(0)));
    svc.initialize(PoolInit.tx(create, 2, Map.of()));
    return svc;
  }

  private static <T> T call(PoolService svc, Callable<T> c) {
    try {
      return svc.executor().submit(c).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static PoolMap update(PoolService svc, PoolMapChanges c, MapOp op, int rank) {
    return call(svc, () -> c.update(svc, op, List.of(new TargetAddr(rank, TargetAddr.ALL)), false,
        PoolMapChanges.Source.DMG));
  }

  private static List<Integer> states(PoolMap m, int rank) {
    return m.getRanksList().stream().filter(r -> r.getRank() == rank).findFirst().orElseThrow().getTargetsList()
        .stream().map(t -> t.getState()).toList();
  }

  @Test
  void networkTimeoutAndStaleErrorsAreRetriedWithoutRevert() {
    for (DaosStatus s : List.of(DaosStatus.TIMEDOUT, DaosStatus.STALE, DaosStatus.GRPVER, DaosStatus.UNREACH,
        DaosStatus.CANCELED, DaosStatus.NOREPLY, DaosStatus.HG, DaosStatus.OOG)) {
      assertTrue(RebuildScheduler.retryable(s.code()), s.name());
    }
    for (DaosStatus s : List.of(DaosStatus.IO, DaosStatus.NO_HDL, DaosStatus.NOSPACE, DaosStatus.OP_CANCELED)) {
      assertFalse(RebuildScheduler.retryable(s.code()), s.name() + " reverts the map");
    }
  }

  @Test
  void failedReintegrationGoesBackToDownOutAndLeavesNothingToRegenerate() {
    PoolService svc = pool();
    PoolMapChanges c = new PoolMapChanges("test", () -> SysSelfHeal.parse("none"), (s, m) -> { });
    update(svc, c, MapOp.EXCLUDE, 1);
    update(svc, c, MapOp.EXCLUDE_OUT, 1);
    update(svc, c, MapOp.DRAIN, 2);
    PoolMap reint = update(svc, c, MapOp.REINT, 1);
    assertEquals(List.of(UP, UP), states(reint, 1));
    List<TargetAddr> back = call(svc, () -> RebuildScheduler.revertible(reint, svc.map()));
    assertEquals(List.of(new TargetAddr(1, 0), new TargetAddr(1, 1), new TargetAddr(2, 0), new TargetAddr(2, 1)),
        back, "the rebuilt map's UP and DRAIN targets");
    PoolMap reverted = call(svc, () -> c.update(svc, MapOp.REVERT_REBUILD, back, false, PoolMapChanges.Source.DMG));
    assertEquals(reint.getVersion() + 4, reverted.getVersion(), "one version per reverted target");
    assertEquals(List.of(DOWNOUT, DOWNOUT), states(reverted, 1), "reintegrated from DOWNOUT: back DOWNOUT");
    assertEquals(List.of(UPIN, UPIN), states(reverted, 2), "drain reverted: back in service");
    assertEquals(List.of(), call(svc, () -> RebuildScheduler.revertible(reint, svc.map())), "nothing left");

    RebuildScheduler s = new RebuildScheduler("test", services, c, () -> null, () -> SysSelfHeal.parse("none"),
        Ticker.SYSTEM, RebuildScheduler.RETRY_DELAY, RebuildScheduler.MAX_RETRIES, false).registerOn(c);
    s.check();
    call(svc, () -> null);
    assertFalse(s.busy(POOL), "a reverted map has no UP or DRAIN target to rebuild");
  }

  @Test
  void failedReintegrationFromDownGoesBackToDown() {
    PoolService svc = pool();
    PoolMapChanges c = new PoolMapChanges("test", () -> SysSelfHeal.parse("none"), (s, m) -> { });
    update(svc, c, MapOp.EXCLUDE, 3);
    PoolMap reint = update(svc, c, MapOp.REINT, 3);
    PoolMap reverted = call(svc, () -> c.update(svc, MapOp.REVERT_REBUILD,
        RebuildScheduler.revertible(reint, svc.map()), false, PoolMapChanges.Source.DMG));
    assertEquals(List.of(DOWN, DOWN), states(reverted, 3));
  }

  @Test
  void reintegrationFromDownComparesWithTheTargetsDown() {
    PoolService svc = pool();
    PoolMapChanges c = new PoolMapChanges("test", () -> SysSelfHeal.parse("none"), (s, m) -> { });
    PoolMap down = update(svc, c, MapOp.EXCLUDE, 3);
    update(svc, c, MapOp.EXCLUDE, 2);
    update(svc, c, MapOp.EXCLUDE_OUT, 2);
    PoolMap out = svc.map();
    PoolMap reint = update(svc, c, MapOp.REINT, 3);
    PoolMap old = RebuildScheduler.before(down, reint);
    assertEquals(List.of(DOWN, DOWN), states(old, 3), "its exclusion was never rebuilt: its spares hold nothing");
    PoolMap reint2 = update(svc, c, MapOp.REINT, 2);
    assertEquals(List.of(DOWNOUT, DOWNOUT), states(RebuildScheduler.before(out, reint2), 2), "rebuilt before");
    assertEquals(List.of(DOWN, DOWN), states(RebuildScheduler.rolledBack(reint2, reint2.getVersion() - 1), 3));
    assertEquals(List.of(DOWNOUT, DOWNOUT), states(RebuildScheduler.rolledBack(reint2, reint2.getVersion() - 1), 2));
  }
}
