package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.MapOp;
import io.daos.placement.PoolMapBuilder;
import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pool map change as the pool service makes it (DAOS {@code pool_svc_update_map_internal} with
 * {@code ds_pool_map_tgts_update}): the targets named by rank and index go through the placement library's state
 * transitions ({@link io.daos.placement.PoolMap#update}), which bump the version once per changed target and set the
 * failure sequence of excluded and draining targets to their new version. Pure: no I/O.
 */
public final class PoolMapUpdate {
  /** DAOS_POOL_RF (pool-wise redundancy factor) default: at most this many failed fault domains after an exclude. */
  static final int PW_RF_DEFAULT = 2;

  private PoolMapUpdate() {
  }

  /** A target address (DAOS {@code pool_target_addr}): a rank and, when {@code index} is -1, all its targets. */
  public record TargetAddr(int rank, int index) {
    public static final int ALL = -1;
  }

  /**
   * The map after {@code op} on {@code addrs}; the same map (same version) when nothing changes. Unknown ranks or
   * target indexes are DER_NONEXIST (the whole request is refused, as for dmg); a transition DAOS refuses is
   * DER_BUSY/DER_NOSYS; an exclude that would leave no target in service is DER_INVAL; one that leaves more failed
   * fault domains than {@code pwRf} is DER_RF unless {@code force}.
   */
  public static PoolMap apply(PoolMap map, MapOp op, List<TargetAddr> addrs, boolean force, int pwRf) {
    io.daos.placement.PoolMap pm = toPlacement(map);
    List<Integer> ids = new ArrayList<>();
    for (TargetAddr a : addrs) {
      PoolMapRank r = rank(map, a.rank());
      if (a.index() == TargetAddr.ALL) {
        for (int i = 0; i < r.getTargetsCount(); i++) {
          ids.add(pm.target(a.rank(), i).id());
        }
      } else if (a.index() < 0 || a.index() >= r.getTargetsCount()) {
        throw new DaosException(DaosStatus.NONEXIST, "rank " + a.rank() + " has no target " + a.index()
            + " in pool map version " + map.getVersion() + " (it has targets 0-" + (r.getTargetsCount() - 1) + ")");
      } else {
        ids.add(pm.target(a.rank(), a.index()).id());
      }
    }
    io.daos.placement.PoolMap next = pm.update(op, ids.stream().mapToInt(Integer::intValue).toArray());
    if (next.version() == pm.version()) {
      return map;
    }
    PoolMap.Builder b = map.toBuilder().setVersion(next.version());
    for (int ri = 0; ri < b.getRanksCount(); ri++) {
      PoolMapRank.Builder rb = b.getRanksBuilder(ri);
      for (int ti = 0; ti < rb.getTargetsCount(); ti++) {
        Target before = pm.target(rb.getRank(), ti);
        Target after = next.target(rb.getRank(), ti);
        if (!after.equals(before)) {
          rb.setTargets(ti, toProto(after));
        }
      }
    }
    PoolMap out = b.build();
    if (op == MapOp.EXCLUDE) {
      checkExclude(out, force, pwRf);
    }
    return out;
  }

  /** The targets (rank, index) of {@code map} in any of {@code states} (DAOS component state bits). */
  public static List<TargetAddr> targetsIn(PoolMap map, int states) {
    List<TargetAddr> out = new ArrayList<>();
    for (PoolMapRank r : map.getRanksList()) {
      for (int i = 0; i < r.getTargetsCount(); i++) {
        if ((r.getTargets(i).getState() & states) != 0) {
          out.add(new TargetAddr(r.getRank(), i));
        }
      }
    }
    return out;
  }

  /** Fault domains with a DOWN or DOWNOUT target ({@code pool_map_update_failed_cnt} at the node level). */
  static int failedDomains(PoolMap map) {
    Set<String> failed = new HashSet<>();
    for (PoolMapRank r : map.getRanksList()) {
      if (r.getTargetsList().stream().anyMatch(PoolMapUpdate::isDown)) {
        failed.add(domain(r));
      }
    }
    return failed.size();
  }

  private static void checkExclude(PoolMap out, boolean force, int pwRf) {
    boolean anyLeft = out.getRanksList().stream().flatMap(r -> r.getTargetsList().stream())
        .anyMatch(t -> !isDown(t));
    if (!anyLeft) {
      throw new DaosException(DaosStatus.INVAL, "excluding these targets would leave the pool with no target in "
          + "service; reintegrate other targets first");
    }
    int failed = failedDomains(out);
    if (!force && failed > pwRf) {
      throw new DaosException(DaosStatus.RF, "cannot exclude: unavailable fault domains (" + failed
          + ") would exceed the pool-wise redundancy factor (" + pwRf + "); bring engines back or force the exclude");
    }
  }

  private static boolean isDown(PoolMapTarget t) {
    return t.getState() == TargetState.DOWN.bit() || t.getState() == TargetState.DOWNOUT.bit();
  }

  private static PoolMapRank rank(PoolMap map, int rank) {
    for (PoolMapRank r : map.getRanksList()) {
      if (r.getRank() == rank) {
        return r;
      }
    }
    throw new DaosException(DaosStatus.NONEXIST, "rank " + Integer.toUnsignedString(rank) + " is not in the pool "
        + "map (version " + map.getVersion() + "); check the rank with dmg pool query");
  }

  private static String domain(PoolMapRank r) {
    return r.getFaultDomain().isEmpty() ? "/rank" + r.getRank() : r.getFaultDomain();
  }

  /**
   * The placement map of a service map: same ranks, domains, target states, failure sequences, in/out versions and
   * flags (maps written without in_ver keep the placement default).
   */
  static io.daos.placement.PoolMap toPlacement(PoolMap m) {
    PoolMapBuilder b = io.daos.placement.PoolMap.builder().version(Math.max(1, m.getVersion()));
    for (PoolMapRank r : m.getRanksList()) {
      b.rank(r.getRank(), domain(r), r.getTargetsCount());
    }
    io.daos.placement.PoolMap pm = b.build();
    for (PoolMapRank r : m.getRanksList()) {
      for (int i = 0; i < r.getTargetsCount(); i++) {
        PoolMapTarget t = r.getTargets(i);
        TargetState st = state(t.getState());
        if (st != TargetState.UPIN || t.getFseq() > 1 || t.getInVer() != 0 || t.getOutVer() != 0
            || t.getFlags() != 0) {
          pm = pm.withTarget(r.getRank(), i, st, Math.max(1, t.getFseq()), t.getInVer(), t.getOutVer(),
              t.getFlags());
        }
      }
    }
    return pm;
  }

  /** The service-map form of a placement target: state, fseq, in_ver, out_ver and flags. */
  public static PoolMapTarget toProto(Target t) {
    return PoolMapTarget.newBuilder().setState(t.state().bit()).setFseq(t.fseq()).setInVer(t.inVer())
        .setOutVer(t.outVer()).setFlags(t.flags()).build();
  }

  static TargetState state(int bit) {
    for (TargetState s : TargetState.values()) {
      if (s.bit() == bit) {
        return s;
      }
    }
    throw new DaosException(DaosStatus.IO, "pool map has a target in unknown state " + bit);
  }
}
