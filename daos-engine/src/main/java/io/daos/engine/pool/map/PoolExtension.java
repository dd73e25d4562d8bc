package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.svc.FaultDomains;
import io.daos.placement.MapOp;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The pool map change of {@code dmg pool extend} (DAOS {@code pool_svc_update_map_internal} with MAP_EXTEND:
 * {@code gen_pool_buf} + {@code pool_map_extend}, then {@code ds_pool_map_tgts_update}): the ranks not yet in the map
 * are appended, each with as many targets as the pool's ranks have, in state NEW at the next version; then the
 * targets go NEW → UP (one version per target, as the placement library counts). Ranks already in the map are left
 * as they are; when every rank is, the extension is DER_ALREADY, as DAOS answers. Pure: no I/O.
 *
 * <p>Fault domains: the MS numbers the domains of the compressed tree per request, so an extension's domain ids
 * cannot be matched with those the pool was created with. Each extension's domains are therefore new domains
 * (each level renamed "e&lt;version&gt;.&lt;id&gt;", same depth), which is right when new engines come on new hosts.
 */
public final class PoolExtension {
  private PoolExtension() {
  }

  /** The result: the map after, and the ranks that were added (sorted). */
  public record Extended(PoolMap map, List<Integer> added) {
  }

  /**
   * Extends {@code map} with {@code ranks}; {@code tree} is the compressed fault-domain tree of the new ranks (may
   * be empty: each rank its own domain); {@code uri} gives a rank's CART-J URI when known.
   */
  public static Extended apply(PoolMap map, List<Integer> ranks, List<Integer> tree,
      IntFunction<Optional<String>> uri) {
    if (ranks.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "pool extend needs at least one rank to add");
    }
    if (map.getRanksCount() == 0) {
      throw new DaosException(DaosStatus.INVAL, "pool map version " + map.getVersion() + " has no rank to take the "
          + "target count from");
    }
    TreeSet<Integer> current = new TreeSet<>();
    map.getRanksList().forEach(r -> current.add(r.getRank()));
    TreeSet<Integer> fresh = new TreeSet<>(ranks);
    fresh.removeAll(current);
    if (fresh.isEmpty()) {
      throw new DaosException(DaosStatus.ALREADY, "ranks " + new TreeSet<>(ranks) + " are already in the pool map "
          + "(version " + map.getVersion() + "); extend with ranks that are not in the pool");
    }
    int ntgts = map.getRanks(0).getTargetsCount();
    int version = map.getVersion() + 1;
    Map<Integer, String> domains = FaultDomains.decode(tree, new ArrayList<>(fresh));
    PoolMap.Builder b = map.toBuilder().setVersion(version);
    List<TargetAddr> addrs = new ArrayList<>();
    for (int rank : fresh) {
      String d = domains.get(rank);
      if (d == null) {
        throw new DaosException(DaosStatus.INVAL, "the fault domain tree of the extension does not name rank "
            + rank);
      }
      PoolMapRank.Builder r = b.addRanksBuilder().setRank(rank)
          .setFaultDomain(d.startsWith("/rank") ? d : fresh(d, version));
      uri.apply(rank).ifPresent(r::setUri);
      for (int i = 0; i < ntgts; i++) {
        r.addTargets(PoolMapTarget.newBuilder().setState(TargetState.NEW.bit()).setFseq(1));
      }
      addrs.add(new TargetAddr(rank, TargetAddr.ALL));
    }
    PoolMap up;
    try {
      up = PoolMapUpdate.apply(b.build(), MapOp.EXTEND, addrs, true, PoolMapUpdate.PW_RF_DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, "cannot extend the pool with ranks " + fresh + ": "
          + e.getMessage() + "; give the new engines fault domains as deep as the pool's");
    }
    return new Extended(up, List.copyOf(fresh));
  }

  /** {@code path} ("/3/7") with every level renamed for the extension at {@code version} ("/e5.3/e5.7"). */
  static String fresh(String path, int version) {
    if (path.equals("/")) {
      return "/e" + version;
    }
    StringBuilder out = new StringBuilder();
    for (String level : path.substring(1).split("/")) {
      out.append("/e").append(version).append('.').append(level);
    }
    return out.toString();
  }
}
