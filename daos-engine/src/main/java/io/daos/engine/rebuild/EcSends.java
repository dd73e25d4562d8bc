package io.daos.engine.rebuild;

import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.Layout;
import io.daos.placement.PoolMap;
import io.daos.placement.Shard;
import io.daos.placement.TargetState;
import io.daos.proto.rebuild.EcSource;
import io.daos.proto.rebuild.MigrateObj;

/**
 * What the scanner sends for one moved shard of an EC object. No other shard holds an EC shard's bytes, so it is
 * never pulled from "a replica": a shard whose old target is still alive and complete (drain, reintegration,
 * extension) is copied from that target, version by version, as replicas are; a shard whose old target is lost is
 * re-created from every surviving member of its group ({@link EcMigrate}).
 */
final class EcSends {
  private EcSends() {
  }

  /** The MIGRATE entry that rebuilds {@code dest} (group {@code g} of {@code before}, the old layout). */
  static MigrateObj migrate(VosObjectId v, Shard dest, Layout before, int g, PoolMap newMap, long cell) {
    MigrateObj.Builder b = MigrateObj.newBuilder().setOidHi(v.hi()).setOidLo(v.lo()).setShard(dest.shard())
        .setTgtIdx(dest.index());
    Shard old = before.shard(dest.shard());
    if (usable(old, newMap)) {
      return b.setSrcRank(old.rank()).setSrcTgt(old.index()).setSrcShard(old.shard()).build();
    }
    for (Shard s : before.group(g).subList(0, before.groupSize())) {
      if (s.shard() != dest.shard() && usable(s, newMap)) {
        b.addEcSrcs(EcSource.newBuilder().setShard(s.shard()).setRank(s.rank()).setTgt(s.index()));
      }
    }
    return b.setEcRebuild(true).setEcCell(cell).build();
  }

  /** Placed, complete (not itself being rebuilt) and on a target alive in the new map. */
  private static boolean usable(Shard s, PoolMap newMap) {
    if (!s.placed() || s.rebuilding()) {
      return false;
    }
    TargetState st = newMap.target(s.target()).state();
    return st == TargetState.UPIN || st == TargetState.DRAIN;
  }
}
