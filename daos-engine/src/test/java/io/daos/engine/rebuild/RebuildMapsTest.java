package io.daos.engine.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.placement.MapOp;
import io.daos.placement.PoolMap;
import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import org.junit.jupiter.api.Test;

/** {@link RebuildMaps}: the service map and the placement map carry the same per-target versions and flags. */
class RebuildMapsTest {
  private static io.daos.proto.pool.PoolMap template() {
    io.daos.proto.pool.PoolMap.Builder b = io.daos.proto.pool.PoolMap.newBuilder().setVersion(1);
    for (int r = 0; r < 4; r++) {
      PoolMapRank.Builder rb = b.addRanksBuilder().setRank(r).setFaultDomain("/h" + r);
      rb.addTargets(PoolMapTarget.newBuilder().setState(4).setFseq(1));
      rb.addTargets(PoolMapTarget.newBuilder().setState(4).setFseq(1));
    }
    return b.build();
  }

  @Test
  void roundTripKeepsInVerOutVerAndFlags() {
    io.daos.proto.pool.PoolMap tpl = template();
    PoolMap pm = RebuildMaps.toPlacement(tpl).updateRank(MapOp.EXCLUDE, 1).updateRank(MapOp.EXCLUDE_OUT, 1)
        .updateRank(MapOp.EXCLUDE, 2).updateRank(MapOp.REINT, 2);
    io.daos.proto.pool.PoolMap proto = RebuildMaps.withStates(tpl, pm);
    PoolMapTarget out = proto.getRanks(1).getTargets(0);
    assertEquals(pm.target(1, 0).outVer(), out.getOutVer());
    assertEquals(Target.DOWN2OUT, out.getFlags());
    PoolMapTarget up = proto.getRanks(2).getTargets(1);
    assertEquals(pm.target(2, 1).inVer(), up.getInVer());
    assertEquals(Target.DOWN2UP, up.getFlags());
    assertEquals(pm.targets(), RebuildMaps.toPlacement(proto).targets());
  }

  @Test
  void mapsWithoutTheVersionsStillParse() {
    io.daos.proto.pool.PoolMap.Builder b = template().toBuilder().setVersion(5);
    b.getRanksBuilder(3).setTargets(0, PoolMapTarget.newBuilder().setState(8).setFseq(4));
    PoolMap pm = RebuildMaps.toPlacement(b.build());
    Target t = pm.target(3, 0);
    assertEquals(TargetState.DOWN, t.state());
    assertEquals(4, t.fseq());
    assertEquals(0, t.outVer());
    assertEquals(0, t.flags());
    assertEquals(5, t.inVer(), "unrecorded in_ver: the placement default (the map version)");
  }
}
