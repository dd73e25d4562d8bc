package io.daos.server.mgmt.check;

import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.PoolClue;
import io.daos.server.sysdb.PoolService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pool-list phase of DAOS's check leader ({@code chk_leader_handle_pools_list} and the label check of
 * {@code chk_leader_handle_pool_label}): compares the MS's pools with the engines' pool clues. A pool the MS knows
 * that no rank holds is dangling (CIC_POOL_NONEXIST_ON_ENGINE); shards of a pool the MS does not know are an orphan
 * (CIC_POOL_NONEXIST_ON_MS), looked for only when every pool is checked or orphans were asked for; a pool whose
 * service records another label than the MS is CIC_POOL_BAD_LABEL.
 */
final class PoolComparison {
  /** What one scan compares: the pools selected ({@code selected} empty for all) and whether to look for orphans. */
  record Scope(Set<UUID> selected, boolean findOrphans) {
    boolean wants(UUID pool) {
      return selected.isEmpty() || selected.contains(pool);
    }

    boolean orphans() {
      return selected.isEmpty() || findOrphans;
    }
  }

  private PoolComparison() {
  }

  /** The pools the scan covers: the selected MS pools and, when orphans are looked for, every pool a clue names. */
  static Set<UUID> checkedPools(List<PoolService> ms, List<PoolClue> clues, Scope scope) {
    Set<UUID> out = new TreeSet<>();
    ms.stream().map(PoolService::poolUuid).filter(scope::wants).forEach(out::add);
    if (scope.orphans()) {
      clues.forEach(c -> out.add(UUID.fromString(c.getUuid())));
    }
    return out;
  }

  /** Every inconsistency, in pool UUID order. */
  static List<Inconsistency> compare(List<PoolService> ms, List<PoolClue> clues, Scope scope) {
    Map<UUID, List<PoolClue>> byPool = new TreeMap<>();
    clues.forEach(c -> byPool.computeIfAbsent(UUID.fromString(c.getUuid()), k -> new ArrayList<>()).add(c));
    Map<UUID, PoolService> known = new TreeMap<>();
    ms.forEach(p -> known.put(p.poolUuid(), p));
    List<Inconsistency> out = new ArrayList<>();
    for (UUID u : checkedPools(ms, clues, scope)) {
      one(known.get(u), u, byPool.getOrDefault(u, List.of())).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<Inconsistency> one(PoolService ms, UUID uuid, List<PoolClue> clues) {
    Optional<PoolClue> svc = clues.stream().filter(PoolClue::getSvcReplica).findFirst();
    String psLabel = svc.map(PoolClue::getLabel).orElse(null);
    List<Integer> svcReps = svc.map(PoolClue::getSvcRepsList).orElse(List.of());
    List<Integer> ranks = clues.stream().map(PoolClue::getRank).distinct().sorted().toList();
    if (ms == null) {
      return Optional.of(new Inconsistency(CheckInconsistClass.CIC_POOL_NONEXIST_ON_MS, uuid, null, psLabel,
          svcReps, ranks));
    }
    if (clues.isEmpty()) {
      return Optional.of(new Inconsistency(CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE, uuid, ms.poolLabel(),
          null, ms.replicas(), ranks));
    }
    if (psLabel != null && !psLabel.equals(ms.poolLabel())) {
      return Optional.of(new Inconsistency(CheckInconsistClass.CIC_POOL_BAD_LABEL, uuid, ms.poolLabel(), psLabel,
          svcReps, ranks));
    }
    return Optional.empty();
  }
}
