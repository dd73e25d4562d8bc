package io.daos.client.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.rpc.RankUris;
import io.daos.placement.PoolMap;
import io.daos.placement.PoolMapBuilder;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;

/** Builds the placement {@link PoolMap} from the map the pool service sends (jdaos.pool.PoolMap). */
final class PoolMaps {
  private PoolMaps() {
  }

  static PoolMap fromProto(io.daos.proto.pool.PoolMap m) {
    if (m.getRanksCount() == 0) {
      throw new DaosException(DaosStatus.PROTO, "pool map version " + m.getVersion() + " has no ranks");
    }
    PoolMapBuilder b = PoolMap.builder().version(Math.max(1, m.getVersion()));
    for (PoolMapRank r : m.getRanksList()) {
      String fd = r.getFaultDomain().isEmpty() ? "/rank" + r.getRank() : r.getFaultDomain();
      b.rank(r.getRank(), fd, r.getTargetsCount());
    }
    PoolMap map = b.build();
    for (PoolMapRank r : m.getRanksList()) {
      for (int i = 0; i < r.getTargetsCount(); i++) {
        PoolMapTarget t = r.getTargets(i);
        TargetState st = state(t.getState());
        // Placement reads in_ver only of UP targets: a healthy target that never failed needs no copy.
        if (st != TargetState.UPIN || t.getFseq() > 1 || t.getOutVer() != 0 || t.getFlags() != 0) {
          map = map.withTarget(r.getRank(), i, st, Math.max(1, t.getFseq()), t.getInVer(), t.getOutVer(),
              t.getFlags());
        }
      }
    }
    return map;
  }

  static TargetState state(int bits) {
    for (TargetState s : TargetState.values()) {
      if (s.bit() == bits) {
        return s;
      }
    }
    return bits == 0 ? TargetState.UPIN : TargetState.DOWN;
  }

  /** Teaches {@code uris} the engine URIs the map carries. */
  static void learnUris(io.daos.proto.pool.PoolMap m, RankUris uris) {
    m.getRanksList().forEach(r -> uris.learn(r.getRank(), r.getUri()));
  }
}
