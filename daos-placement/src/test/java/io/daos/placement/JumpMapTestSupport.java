package io.daos.placement;

import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import java.util.HashSet;
import java.util.Set;

/** Helpers in the spirit of DAOS's {@code jm_test_ctx} ({@code src/placement/tests/jump_map_place_obj.c}). */
final class JumpMapTestSupport {
  static final JumpMap RANK_MAP = JumpMap.create(DomainLevel.RANK);

  private JumpMapTestSupport() {
  }

  /** {@code gen_oid(&oid, lo, hi, cid)}: type 0, class bits as-is (GX fitted at placement). */
  static ObjectId genOid(long lo, long hi, ObjectClass oc) {
    return ObjectId.byClass(lo, hi, ObjectType.MULTI_HASHED, oc);
  }

  /** {@code jtc_init_with_layout}: standard map, fault domain = rank, oid {1, UINT64_MAX}. */
  static Layout layout(int domains, int nodes, int targets, ObjectClass oc) {
    return RANK_MAP.place(genOid(1, -1L, oc), PoolMap.standard(domains, nodes, targets));
  }

  static boolean hasDuplicate(Layout l) {
    Set<Integer> seen = new HashSet<>();
    return l.shards().stream().filter(Shard::placed).anyMatch(s -> !seen.add(s.target()));
  }

  static long badCount(Layout l) {
    return l.shards().stream().filter(s -> !s.placed()).count();
  }

  static long rebuildingCount(Layout l) {
    return l.shards().stream().filter(Shard::rebuilding).count();
  }

  /** {@code check_grp_not_in_same_domain}: no two shards of a group on the same rank (tgt / tgt_nr). */
  static int sameDomainMisses(Layout l, int tgtNr) {
    int miss = 0;
    for (int g = 0; g < l.groups(); g++) {
      var grp = l.group(g);
      for (int j = 0; j < grp.size(); j++) {
        for (int k = j + 1; k < grp.size(); k++) {
          if (grp.get(j).target() / tgtNr == grp.get(k).target() / tgtNr) {
            miss++;
          }
        }
      }
    }
    return miss;
  }
}
