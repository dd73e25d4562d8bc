package io.daos.engine.rebuild;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.PoolMap;
import io.daos.placement.PoolMapBuilder;
import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;

/** The pool map as the pool service sends it ({@code jdaos.pool.PoolMap}) and as placement computes on it. */
public final class RebuildMaps {
  private RebuildMaps() {
  }

  /** The placement map of {@code m} (fault domains by path; target states, fseq, in/out versions and flags). */
  public static PoolMap toPlacement(io.daos.proto.pool.PoolMap m) {
    if (m.getRanksCount() == 0) {
      throw new DaosException(DaosStatus.INVAL, "pool map version " + m.getVersion() + " has no ranks");
    }
    PoolMapBuilder b = PoolMap.builder().version(Math.max(1, m.getVersion()));
    for (PoolMapRank r : m.getRanksList()) {
      b.rank(r.getRank(), r.getFaultDomain().isEmpty() ? "/rank" + r.getRank() : r.getFaultDomain(),
          r.getTargetsCount());
    }
    PoolMap map = b.build();
    for (PoolMapRank r : m.getRanksList()) {
      for (int i = 0; i < r.getTargetsCount(); i++) {
        PoolMapTarget t = r.getTargets(i);
        TargetState st = state(t.getState());
        if (st != TargetState.UPIN || t.getInVer() != 0 || t.getOutVer() != 0 || t.getFlags() != 0) {
          map = map.withTarget(r.getRank(), i, st, Math.max(1, t.getFseq()), t.getInVer(), t.getOutVer(),
              t.getFlags());
        }
      }
    }
    return map;
  }

  /** {@code template} (ranks, fault domains, URIs) with the version and targets (state, versions, flags) of {@code map}. */
  public static io.daos.proto.pool.PoolMap withStates(io.daos.proto.pool.PoolMap template, PoolMap map) {
    io.daos.proto.pool.PoolMap.Builder b = template.toBuilder().setVersion(map.version()).clearRanks();
    for (PoolMapRank r : template.getRanksList()) {
      PoolMapRank.Builder rb = r.toBuilder().clearTargets();
      for (int i = 0; i < r.getTargetsCount(); i++) {
        Target t = map.target(r.getRank(), i);
        rb.addTargets(PoolMapTarget.newBuilder().setState(t.state().bit()).setFseq(t.fseq()).setInVer(t.inVer())
            .setOutVer(t.outVer()).setFlags(t.flags()));
      }
      b.addRanks(rb);
    }
    return b.build();
  }

  static TargetState state(int bits) {
    for (TargetState s : TargetState.values()) {
      if (s.bit() == bits) {
        return s;
      }
    }
    if (bits == 0) {
      return TargetState.UPIN;
    }
    throw new DaosException(DaosStatus.INVAL, "unknown target state bits " + bits + " in a pool map");
  }
}
