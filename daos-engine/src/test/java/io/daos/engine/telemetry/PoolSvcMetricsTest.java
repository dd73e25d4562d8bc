package io.daos.engine.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.engine.telemetry.EngineMetrics.PoolSvcState;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DAOS pool_svc_update_map_metrics: targets and ranks by state, as the leader's gauges. */
class PoolSvcMetricsTest {
  private static PoolMapRank rank(int r, TargetState... states) {
    PoolMapRank.Builder b = PoolMapRank.newBuilder().setRank(r);
    for (TargetState s : states) {
      b.addTargets(PoolMapTarget.newBuilder().setState(s.bit()));
    }
    return b.build();
  }

  @Test
  void countsTargetsAndRanksByState() {
    UUID pool = new UUID(3, 4);
    PoolMap map = PoolMap.newBuilder().setVersion(7)
        .addRanks(rank(0, TargetState.UPIN, TargetState.UPIN))
        .addRanks(rank(1, TargetState.UPIN, TargetState.DOWN))
        .addRanks(rank(2, TargetState.DRAIN, TargetState.UPIN))
        .addRanks(rank(3, TargetState.DOWNOUT, TargetState.DOWNOUT))
        .addRanks(rank(4, TargetState.UP, TargetState.NEW)).build();
    PoolSvcState s = PoolSvcMetrics.counts(pool, 2, map, 5);
    assertEquals(new PoolSvcState(pool, 2, 7, 5, 5, 3, 10, 1, 3), s,
        "ranks 1 and 3 have failed targets, rank 4 a NEW one: 3 degraded; DOWN and DOWNOUT targets are disabled");
  }

  @Test
  void aReplicaThatDoesNotLeadReportsZeros() {
    UUID pool = new UUID(1, 1);
    assertEquals(new PoolSvcState(pool, 0, 0, 0, 0, 0, 0, 0, 0), PoolSvcState.notLeader(pool));
    assertEquals(java.util.List.of(), PoolSvcMetrics.of(null, () -> 0), "no pool services yet");
  }
}
