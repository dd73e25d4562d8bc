package io.daos.engine.telemetry;

import io.daos.common.status.DaosException;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.telemetry.EngineMetrics.PoolSvcState;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The pool service gauges DAOS keeps per pool ({@code pool/<uuid>/svc/...}, {@code pool_svc_step_up_metrics} and
 * {@code pool_svc_update_map_metrics}), read when telemetry is scraped: on the replica that leads the service, its
 * rank, the map version, the open pool handles and the ranks and targets by state; on any other replica zeros, as
 * DAOS's {@code pool_svc_step_down_metrics} leaves them.
 */
public final class PoolSvcMetrics {
  private static final int FAILED = TargetState.DOWN.bit() | TargetState.DOWNOUT.bit();
  /** DAOS's {@code pool_map_get_ranks}: a rank is enabled while every target of it is UP, UPIN or DRAIN. */
  private static final int ENABLED = TargetState.UP.bit() | TargetState.UPIN.bit() | TargetState.DRAIN.bit();

  private PoolSvcMetrics() {
  }

  /** One state per pool service replica on this engine (none before it has any); {@code self} is its rank. */
  public static List<PoolSvcState> of(PoolServices services, IntSupplier self) {
    List<PoolSvcState> out = new ArrayList<>();
    if (services == null) {
      return out;
    }
    for (PoolService svc : services.all()) {
      out.add(leading(svc, self.getAsInt()));
    }
    return out;
  }

  private static PoolSvcState leading(PoolService svc, int self) {
    if (!svc.rdb().isLeader()) {
      return PoolSvcState.notLeader(svc.poolUuid());
    }
    try {
      return counts(svc.poolUuid(), self, svc.map(), svc.handles().size());
    } catch (DaosException e) {
      return PoolSvcState.notLeader(svc.poolUuid());   // stepped down (or not initialised) since the check
    }
  }

  /** The leader's gauges for {@code map}: targets DOWN or DOWNOUT are disabled, a rank with any such (or NEW). */
  static PoolSvcState counts(UUID pool, int self, PoolMap map, long handles) {
    int disabled = 0;
    int draining = 0;
    int total = 0;
    int degradedRanks = 0;
    for (PoolMapRank r : map.getRanksList()) {
      boolean enabled = true;
      for (PoolMapTarget t : r.getTargetsList()) {
        total++;
        disabled += (t.getState() & FAILED) != 0 ? 1 : 0;
        draining += t.getState() == TargetState.DRAIN.bit() ? 1 : 0;
        enabled &= (t.getState() & ENABLED) != 0;
      }
      degradedRanks += enabled ? 0 : 1;
    }
    return new PoolSvcState(pool, self, map.getVersion(), handles, map.getRanksCount(), degradedRanks,
        total, draining, disabled);
  }
}
