package io.daos.client.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import org.junit.jupiter.api.Test;

/** {@link PoolMaps#fromProto}: the client's placement map keeps the service's per-target versions and flags. */
class PoolMapsTest {
  @Test
  void fromProtoKeepsInVerOutVerAndFlags() {
    PoolMap.Builder b = PoolMap.newBuilder().setVersion(9);
    for (int r = 0; r < 3; r++) {
      PoolMapRank.Builder rb = b.addRanksBuilder().setRank(r).setFaultDomain("/h" + r);
      rb.addTargets(PoolMapTarget.newBuilder().setState(4).setFseq(1).setInVer(1));
    }
    b.getRanksBuilder(1).setTargets(0, PoolMapTarget.newBuilder().setState(16).setFseq(2).setInVer(1)
        .setOutVer(3).setFlags(Target.DOWN2OUT));
    b.getRanksBuilder(2).setTargets(0, PoolMapTarget.newBuilder().setState(2).setFseq(4).setInVer(8)
        .setFlags(Target.DOWN2UP));
    io.daos.placement.PoolMap pm = PoolMaps.fromProto(b.build());
    assertEquals(new Target(1, 1, 0, TargetState.DOWNOUT, 2, 1, 3, Target.DOWN2OUT), pm.target(1, 0));
    assertEquals(new Target(2, 2, 0, TargetState.UP, 4, 8, 0, Target.DOWN2UP), pm.target(2, 0));
    assertEquals(TargetState.UPIN, pm.target(0, 0).state());
  }
}
