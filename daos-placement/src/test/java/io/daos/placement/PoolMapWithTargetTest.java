package io.daos.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.daos.placement.object.ObjectClass;
import org.junit.jupiter.api.Test;

/** {@link PoolMap#withTarget}: a map rebuilt target by target from a sender's per-target versions. */
class PoolMapWithTargetTest {
  /** Copies every target of {@code from} onto a fresh map of the same shape and version. */
  private static PoolMap copy(PoolMap from) {
    PoolMap to = PoolMap.builder().version(from.version()).firstDomainId(0)
        .rank(0, "/node0", 2).rank(1, "/node1", 2).rank(2, "/node2", 2).rank(3, "/node3", 2).build();
    for (Target t : from.targets()) {
      to = to.withTarget(t.rank(), t.index(), t.state(), t.fseq(), t.inVer(), t.outVer(), t.flags());
    }
    return to;
  }

  @Test
  void excludeOutThenReintKeepsVersionsAndFlags() {
    PoolMap m = PoolMap.standard(4, 1, 2);
    m = m.updateRank(MapOp.EXCLUDE, 1);        // v2, v3: DOWN fseq 2 and 3
    m = m.updateRank(MapOp.EXCLUDE_OUT, 1);    // v4, v5: DOWNOUT, out_ver, DOWN2OUT
    Target out = m.target(1, 1);
    assertEquals(TargetState.DOWNOUT, out.state());
    assertEquals(5, out.outVer());
    assertEquals(Target.DOWN2OUT, out.flags());
    m = m.updateRank(MapOp.EXCLUDE, 2);        // v6, v7: DOWN
    m = m.updateRank(MapOp.REINT, 2);          // v8, v9: UP, in_ver, DOWN2UP
    Target up = m.target(2, 0);
    assertEquals(TargetState.UP, up.state());
    assertEquals(8, up.inVer());
    assertEquals(Target.DOWN2UP, up.flags());

    PoolMap c = copy(m);
    assertEquals(m.version(), c.version());
    assertEquals(m.targets(), c.targets());
    JumpMap jm = JumpMap.create(DomainLevel.RANK);
    for (long lo = 1; lo < 40; lo++) {
      var oid = JumpMapTestSupport.genOid(lo, 7, ObjectClass.RP_2G1);
      for (LayoutMode mode : LayoutMode.values()) {
        assertEquals(jm.place(oid, m, mode), jm.place(oid, c, mode), "oid " + lo + " mode " + mode);
      }
    }
  }

  @Test
  void withTargetStateDropsTheReintFlagButWithTargetKeepsIt() {
    PoolMap m = PoolMap.standard(4, 1, 2).updateRank(MapOp.EXCLUDE, 3).updateRank(MapOp.REINT, 3);
    Target t = m.target(3, 0);
    PoolMap fresh = PoolMap.standard(4, 1, 2);
    PoolMap lossy = fresh.withTargetState(3, 0, t.state(), t.fseq());
    PoolMap full = fresh.withTarget(3, 0, t.state(), t.fseq(), t.inVer(), t.outVer(), t.flags());
    assertNotEquals(Target.DOWN2UP, lossy.target(3, 0).flags());
    assertEquals(Target.DOWN2UP, full.target(3, 0).flags());
    assertEquals(t.inVer(), full.target(3, 0).inVer());
  }

  @Test
  void inVerZeroKeepsTheTargetsOwn() {
    PoolMap m = PoolMap.builder().version(7).rank(0, "/a", 1).rank(1, "/b", 1).build();
    int before = m.target(1, 0).inVer();
    PoolMap d = m.withTarget(1, 0, TargetState.DOWN, 6, 0, 0, 0);
    assertEquals(before, d.target(1, 0).inVer());
    assertEquals(TargetState.DOWN, d.target(1, 0).state());
    assertEquals(6, d.target(1, 0).fseq());
    assertEquals(7, d.version());
  }
}
