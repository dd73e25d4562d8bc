package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.placement.MapOp;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic exclusion of dead ranks (DAOS's pool service event handling: {@code CRT_EVT_DEAD} from SWIM, or a rank
 * gone from the group map, leads the leader to {@code pool_svc_update_map(MAP_EXCLUDE, src=MUS_SWIM)}). Each dead rank
 * is remembered per pool whose service this engine replicates; {@link #scan()} (run periodically and on each event)
 * has every pool whose leader is here exclude the rank's targets that are still UP or UPIN, so a replica that
 * becomes leader later still does it. {@link PoolMapChanges} applies the self_heal gates; a refused exclusion
 * (DER_NO_PERM: self_heal off) is not retried for that event.
 */
public final class SelfHeal {
  private static final Logger LOG = LoggerFactory.getLogger(SelfHeal.class);
  private static final int ACTIVE = TargetState.UP.bit() | TargetState.UPIN.bit();

  private final String name;
  private final PoolServices services;
  private final PoolMapChanges changes;
  private final Supplier<Set<Integer>> groupRanks;
  private final Supplier<Set<Integer>> swimDead;
  /** pool → dead ranks it still has to exclude. */
  private final Map<UUID, Set<Integer>> pending = new ConcurrentHashMap<>();
  /** pool → ranks gone from the group map whose exclusion was refused (not asked again while they stay gone). */
  private final Map<UUID, Set<Integer>> refused = new ConcurrentHashMap<>();

  /**
   * {@code groupRanks} gives the ranks of the current group map (null while this engine has none); a pool rank not
   * in it counts as dead. {@code swimDead} gives the ranks this engine's SWIM holds dead now: a SWIM death still
   * pending when this replica acts on it (e.g. on becoming leader later) is acted on only if SWIM still holds the
   * rank dead, so a rank that has restarted since (a new incarnation, ALIVE again) is not excluded for its old death
   * (DAOS's pool service checks the event's incarnation and the rank's current state).
   */
  public SelfHeal(String name, PoolServices services, PoolMapChanges changes, Supplier<Set<Integer>> groupRanks,
      Supplier<Set<Integer>> swimDead) {
    this.name = name;
    this.services = services;
    this.changes = changes;
    this.groupRanks = groupRanks;
    this.swimDead = swimDead;
  }

  /** SWIM declared {@code rank} dead (Swim.Listener). */
  public void rankDead(int rank) {
    LOG.info("{}: rank {} is dead; pools with targets on it will exclude them (self_heal permitting)", name, rank);
    for (PoolService svc : services.all()) {
      pending.computeIfAbsent(svc.poolUuid(), p -> ConcurrentHashMap.newKeySet()).add(rank);
    }
    scan();
  }

  /** Has each pool whose leader is here exclude its pending dead ranks and ranks gone from the group map. */
  public void scan() {
    Set<Integer> group = groupRanks.get();
    for (PoolService svc : services.all()) {
      if (!svc.rdb().isLeader()) {
        continue;
      }
      Set<Integer> dead = pending.getOrDefault(svc.poolUuid(), Set.of());
      if (dead.isEmpty() && (group == null || group.isEmpty())) {
        continue;
      }
      try {
        svc.executor().execute(() -> excludeDead(svc, group));
      } catch (RejectedExecutionException stopped) {
        LOG.debug("{}: pool {} service stopping", name, svc.poolUuid());
      }
    }
  }

  /**
   * {@code dmg system self-heal eval} for {@code svc} (DAOS {@code resume_event_handling} from
   * {@code ds_pool_eval_self_heal_handler}): the ranks {@code dead} (SWIM's dead members) are pending again, exclusions
   * refused earlier are asked again, and the leader excludes what is still UP or UPIN (the self_heal gates permitting).
   */
  public void reevaluate(PoolService svc, Set<Integer> dead) {
    pending.computeIfAbsent(svc.poolUuid(), p -> ConcurrentHashMap.newKeySet()).addAll(dead);
    refused.remove(svc.poolUuid());
    try {
      svc.executor().execute(() -> excludeDead(svc, groupRanks.get()));
    } catch (RejectedExecutionException stopped) {
      LOG.debug("{}: pool {} service stopping", name, svc.poolUuid());
    }
  }

  private void excludeDead(PoolService svc, Set<Integer> group) {
    Set<Integer> dead = pending.computeIfAbsent(svc.poolUuid(), p -> ConcurrentHashMap.newKeySet());
    Set<Integer> no = refused.computeIfAbsent(svc.poolUuid(), p -> ConcurrentHashMap.newKeySet());
    if (group != null) {
      no.retainAll(group.isEmpty() ? Set.of() : no.stream().filter(r -> !group.contains(r)).toList());
    }
    PoolMap map;
    try {
      map = svc.map();
    } catch (DaosException e) {
      return;
    }
    Set<Integer> stillDead = dead.isEmpty() ? Set.of() : swimDead.get();
    for (PoolMapRank r : map.getRanksList()) {
      boolean gone = group != null && !group.isEmpty() && !group.contains(r.getRank())
          && !no.contains(r.getRank());
      if (!dead.contains(r.getRank()) && !gone) {
        continue;
      }
      if (!gone && !stillDead.contains(r.getRank())) {
        dead.remove(r.getRank());
        LOG.info("{}: pool {}: rank {} is no longer dead to SWIM (restarted?); its earlier death is not acted on",
            name, svc.poolUuid(), r.getRank());
        continue;
      }
      boolean active = r.getTargetsList().stream().anyMatch(t -> (t.getState() & ACTIVE) != 0);
      if (!active) {
        dead.remove(r.getRank());
        continue;
      }
      try {
        changes.update(svc, MapOp.EXCLUDE, java.util.List.of(new TargetAddr(r.getRank(), TargetAddr.ALL)), false,
            PoolMapChanges.Source.SWIM);
        dead.remove(r.getRank());
      } catch (DaosException e) {
        if (e.status() != DaosStatus.NOTLEADER && e.status() != DaosStatus.TIMEDOUT
            && e.status() != DaosStatus.UNREACH) {
          dead.remove(r.getRank());
          if (gone) {
            no.add(r.getRank());
          }
        }
        LOG.info("{}: pool {}: rank {} not excluded: {}", name, svc.poolUuid(), r.getRank(), e.getMessage());
      }
    }
  }
}
