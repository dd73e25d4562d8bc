package io.daos.engine.cont;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.pool.map.PoolMapUpdate;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.placement.MapOp;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ContProps#rfBroken} as DAOS's {@code pool_map_rf_verify}: per-domain failure windows [fseq, out_ver],
 * failures at or before the container's last checked version skipped, DOWN domains and overlapping windows.
 */
class ContRfVerifyTest {
  private static final long RANK = 1;
  private static final long NODE = ContProps.REDUN_LVL_NODE;

  /** Ranks 0..n-1 with 2 targets each, rank r on host {@code hosts[r]}, version 1. */
  private static PoolMap map(String... hosts) {
    PoolMap.Builder b = PoolMap.newBuilder().setVersion(1);
    for (int r = 0; r < hosts.length; r++) {
      PoolMapRank.Builder rb = b.addRanksBuilder().setRank(r).setFaultDomain(hosts[r]);
      for (int t = 0; t < 2; t++) {
        rb.addTargets(PoolMapTarget.newBuilder().setState(4).setFseq(1).setInVer(1));
      }
    }
    return b.build();
  }

  private static PoolMap four() {
    return map("/h0", "/h1", "/h2", "/h3");
  }

  private static PoolMap op(PoolMap m, MapOp op, int rank) {
    return PoolMapUpdate.apply(m, op, List.of(new TargetAddr(rank, TargetAddr.ALL)), true, 8);
  }

  @Test
  void rebuiltFailureThenSecondFailureIsNotAnRfBreakForRf1() {
    PoolMap m = op(op(four(), MapOp.EXCLUDE, 1), MapOp.EXCLUDE_OUT, 1); // h1 [2, 5]
    m = op(m, MapOp.EXCLUDE, 2);                                        // h2 [6, -]
    assertFalse(ContProps.rfBroken(m, 1, NODE, 1));
    assertTrue(ContProps.rfBroken(m, 1, NODE, 0), "rf 0 tolerates no failure");
  }

  @Test
  void twoConcurrentDownNodesBreakRf1() {
    PoolMap m = op(op(four(), MapOp.EXCLUDE, 1), MapOp.EXCLUDE, 2);
    assertTrue(ContProps.rfBroken(m, 1, NODE, 1));
    assertFalse(ContProps.rfBroken(m, 1, NODE, 2));
  }

  @Test
  void overlappingWindowsBreakRf1() {
    PoolMap m = op(op(four(), MapOp.EXCLUDE, 1), MapOp.EXCLUDE, 2);    // h1 DOWN at 2, h2 DOWN at 4
    m = op(m, MapOp.EXCLUDE_OUT, 1);                                    // h1 [2, 7] overlaps h2 [4, -]
    assertTrue(ContProps.rfBroken(m, 1, NODE, 1));
    m = op(m, MapOp.EXCLUDE_OUT, 2);                                    // both rebuilt, windows still overlap
    assertTrue(ContProps.rfBroken(m, 1, NODE, 1));
    assertFalse(ContProps.rfBroken(m, 1, NODE, 2));
  }

  @Test
  void failuresAtOrBeforeLastVerAreSkipped() {
    PoolMap m = op(op(four(), MapOp.EXCLUDE, 1), MapOp.EXCLUDE, 2);
    assertFalse(ContProps.rfBroken(m, m.getVersion(), NODE, 1), "checked (cleared) at this version");
    PoolMap later = op(m, MapOp.EXCLUDE, 3);
    assertFalse(ContProps.rfBroken(m, m.getVersion(), NODE, 0), "nothing newly failed");
    assertTrue(ContProps.rfBroken(later, m.getVersion(), NODE, 0));
    assertFalse(ContProps.rfBroken(later, m.getVersion(), NODE, 1), "h1 and h2 failed before the check");
    assertTrue(ContProps.rfBroken(later, 1, NODE, 1), "three DOWN nodes since version 1");
  }

  @Test
  void failuresRebuiltOrDownAtOrBeforeLastVerAreSkipped() {
    PoolMap m = op(op(four(), MapOp.EXCLUDE, 1), MapOp.EXCLUDE, 2);    // h1 DOWN at 2, h2 DOWN at 4
    m = op(m, MapOp.EXCLUDE_OUT, 1);                                    // h1 [2, 7]
    int cleared = m.getVersion();                                       // UNCLEAN cleared at 7
    m = op(m, MapOp.EXCLUDE, 3);                                        // h3 DOWN at 8
    assertFalse(ContProps.rfBroken(m, cleared, NODE, 1));
    assertTrue(ContProps.rfBroken(m, 1, NODE, 1));
  }

  @Test
  void drainedTargetsAreNotFailures() {
    PoolMap m = op(op(four(), MapOp.DRAIN, 1), MapOp.EXCLUDE_OUT, 1);  // DOWNOUT without DOWN2OUT
    assertFalse(ContProps.rfBroken(m, 1, NODE, 0));
    m = op(m, MapOp.EXCLUDE, 2);
    assertFalse(ContProps.rfBroken(m, 1, NODE, 1));
    assertTrue(ContProps.rfBroken(m, 1, NODE, 0), "the failed h2 counts");
  }

  @Test
  void redundancyLevelNodeCountsHostsRankCountsRanks() {
    PoolMap m = map("/h0", "/h0", "/h1", "/h1");
    m = op(op(m, MapOp.EXCLUDE, 0), MapOp.EXCLUDE, 1);                 // both ranks of h0
    assertFalse(ContProps.rfBroken(m, 1, NODE, 1));
    assertTrue(ContProps.rfBroken(m, 1, RANK, 1));
  }

  @Test
  void oneTargetFailingTwiceMergesItsWindows() {
    PoolMap m = four();
    m = PoolMapUpdate.apply(m, MapOp.EXCLUDE, List.of(new TargetAddr(1, 0)), true, 8);   // DOWN at 2
    m = PoolMapUpdate.apply(m, MapOp.EXCLUDE, List.of(new TargetAddr(1, 1)), true, 8);   // DOWN at 3
    m = op(m, MapOp.EXCLUDE_OUT, 1);                                                   // [2, 4], [3, 5]
    assertFalse(ContProps.rfBroken(m, 1, NODE, 1), "one node, however many windows");
    assertTrue(ContProps.rfBroken(m, 1, NODE, 0));
  }

  @Test
  void mapsWithoutOutVerStillCountDownoutTargets() {
    PoolMap.Builder b = four().toBuilder();
    for (int r = 1; r <= 2; r++) {
      for (int t = 0; t < 2; t++) {
        b.getRanksBuilder(r).setTargets(t, PoolMapTarget.newBuilder().setState(16).setFseq(r + 1));
      }
    }
    PoolMap legacy = b.setVersion(3).build();                           // windows [2, 2] and [3, 3]
    assertTrue(ContProps.rfBroken(legacy, 1, NODE, 0));
    assertFalse(ContProps.rfBroken(legacy, 1, NODE, 1));
    assertFalse(ContProps.rfBroken(legacy, 3, NODE, 0), "failed before the last check");
  }
}
