package io.daos.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * {@link MapOp#REVERT_REBUILD} ({@code MAP_REVERT_REBUILD} of {@code srv_pool_map.c}, what {@code
 * ds_pool_tgt_revert_rebuild} applies when a drain, reintegration or extension fails): each target goes back to
 * where the operation took it from, one map version per changed target.
 */
class RevertRebuildTest {
  @Test
  void reintegrationFromDownOutGoesBackToDownOut() {
    PoolMap m = PoolMap.standard(4, 1, 2).updateRank(MapOp.EXCLUDE, 1).updateRank(MapOp.EXCLUDE_OUT, 1)
        .updateRank(MapOp.REINT, 1);
    int v = m.version();
    PoolMap r = m.updateRank(MapOp.REVERT_REBUILD, 1);
    assertEquals(v + 2, r.version());
    for (int i = 0; i < 2; i++) {
      Target t = r.target(1, i);
      assertEquals(TargetState.DOWNOUT, t.state());
      assertEquals(m.target(1, i).fseq(), t.fseq(), "failure sequence kept");
      assertEquals(v + 1 + i, t.outVer(), "out_ver is the version of the revert");
    }
  }

  @Test
  void reintegrationFromDownGoesBackToDown() {
    PoolMap m = PoolMap.standard(4, 1, 2).updateRank(MapOp.EXCLUDE, 2).updateRank(MapOp.REINT, 2);
    assertEquals(Target.DOWN2UP, m.target(2, 0).flags());
    PoolMap r = m.updateRank(MapOp.REVERT_REBUILD, 2);
    assertEquals(TargetState.DOWN, r.target(2, 0).state());
    assertEquals(TargetState.DOWN, r.target(2, 1).state());
    assertEquals(m.target(2, 0).fseq(), r.target(2, 0).fseq(), "a revert does not set the failure sequence");
  }

  @Test
  void drainGoesBackToUpIn() {
    PoolMap m = PoolMap.standard(4, 1, 2).updateRank(MapOp.DRAIN, 3);
    PoolMap r = m.updateRank(MapOp.REVERT_REBUILD, 3);
    assertEquals(m.version() + 2, r.version());
    assertEquals(TargetState.UPIN, r.target(3, 0).state());
    assertEquals(1, r.target(3, 0).fseq(), "never failed again");
  }

  @Test
  void extensionGoesBackToNew() {
    PoolMap m = PoolMap.standard(4, 1, 2).withTarget(3, 0, TargetState.NEW, 1, 0, 0, 0)
        .withTarget(3, 1, TargetState.NEW, 1, 0, 0, 0).updateRank(MapOp.EXTEND, 3);
    assertEquals(TargetState.UP, m.target(3, 0).state());
    PoolMap r = m.updateRank(MapOp.REVERT_REBUILD, 3);
    assertEquals(TargetState.NEW, r.target(3, 0).state());
    assertEquals(TargetState.NEW, r.target(3, 1).state());
    assertEquals(m.version() + 2, r.version());
  }

  @Test
  void settledTargetsStay() {
    PoolMap m = PoolMap.standard(4, 1, 2).updateRank(MapOp.EXCLUDE, 0).updateRank(MapOp.EXCLUDE, 1)
        .updateRank(MapOp.EXCLUDE_OUT, 1);
    PoolMap r = m.update(MapOp.REVERT_REBUILD, m.target(0, 0).id(), m.target(1, 0).id(), m.target(2, 0).id());
    assertSame(m.target(0, 0).state(), r.target(0, 0).state(), "DOWN cannot be reverted");
    assertEquals(TargetState.DOWNOUT, r.target(1, 0).state());
    assertEquals(TargetState.UPIN, r.target(2, 0).state());
    assertEquals(m.version(), r.version(), "nothing changed, same version");
  }
}
