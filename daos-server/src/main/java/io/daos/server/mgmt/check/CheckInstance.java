package io.daos.server.mgmt.check;

import io.daos.proto.chk.CheckInstStatus;
import io.daos.proto.chk.CheckPoolStatus;
import io.daos.proto.chk.CheckScanPhase;
import io.daos.proto.mgmt.CheckQueryInconsist;
import io.daos.proto.mgmt.CheckQueryPool;
import io.daos.proto.mgmt.CheckQueryTarget;
import io.daos.proto.mgmt.CheckQueryTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The check leader's instance state (DAOS {@code chk_instance} with its bookmark): status, phase, start and end
 * times, the inconsistency counters and each checked pool's status and phase. Not thread-safe; the leader guards it.
 */
final class CheckInstance {
  /** One pool's progress. */
  static final class PoolState {
    CheckPoolStatus status = CheckPoolStatus.CPS_CHECKING;
    CheckScanPhase phase = CheckScanPhase.CSP_POOL_LIST;
    long start;
    long end;
  }

  CheckInstStatus status = CheckInstStatus.CIS_INIT;
  CheckScanPhase phase = CheckScanPhase.CSP_PREPARE;
  long start;
  long end;
  int total;
  int repaired;
  int ignored;
  int failed;
  int leader = -1;
  final Map<UUID, PoolState> pools = new TreeMap<>();

  /** A fresh run over {@code uuids} begun at {@code now} (epoch seconds). */
  void begin(Collection<UUID> uuids, long now, int leaderRank) {
    status = CheckInstStatus.CIS_RUNNING;
    phase = CheckScanPhase.CSP_POOL_LIST;
    start = now;
    end = 0;
    total = repaired = ignored = failed = 0;
    leader = leaderRank;
    pools.clear();
    for (UUID u : uuids) {
      PoolState p = new PoolState();
      p.start = now;
      pools.put(u, p);
    }
  }

  /** Counts one repair outcome: {@code result} 0 for done, else failed. */
  void counted(io.daos.proto.chk.CheckInconsistAction act, int result) {
    total++;
    if (act == io.daos.proto.chk.CheckInconsistAction.CIA_IGNORE) {
      ignored++;
    } else if (act != io.daos.proto.chk.CheckInconsistAction.CIA_INTERACT) {
      if (result == 0) {
        repaired++;
      } else {
        failed++;
      }
    }
  }

  void poolDone(UUID u, long now) {
    PoolState p = pools.get(u);
    if (p != null) {
      p.status = CheckPoolStatus.CPS_CHECKED;
      p.phase = CheckScanPhase.CSP_DONE;
      p.end = now;
    }
  }

  void poolPending(UUID u) {
    PoolState p = pools.get(u);
    if (p != null) {
      p.status = CheckPoolStatus.CPS_PENDING;
    }
  }

  /** Completes the run when no pool waits for a decision. */
  void settle(long now) {
    if (status == CheckInstStatus.CIS_RUNNING
        && pools.values().stream().noneMatch(p -> p.status == CheckPoolStatus.CPS_PENDING)) {
      status = CheckInstStatus.CIS_COMPLETED;
      phase = CheckScanPhase.CSP_DONE;
      end = now;
    }
  }

  void stop(Collection<UUID> only, long now) {
    pools.forEach((u, p) -> {
      if ((only.isEmpty() || only.contains(u)) && p.status != CheckPoolStatus.CPS_CHECKED) {
        p.status = CheckPoolStatus.CPS_STOPPED;
        p.end = now;
      }
    });
    if (only.isEmpty() || pools.values().stream().allMatch(p -> p.status != CheckPoolStatus.CPS_PENDING
        && p.status != CheckPoolStatus.CPS_CHECKING)) {
      status = CheckInstStatus.CIS_STOPPED;
      end = now;
    }
  }

  CheckQueryInconsist counters() {
    return CheckQueryInconsist.newBuilder().setTotal(total).setRepaired(repaired).setIgnored(ignored)
        .setFailed(failed).build();
  }

  /** Per pool: one entry with the leader as its target, times as DAOS (misc = elapsed when done). */
  List<CheckQueryPool> queryPools(Collection<UUID> only) {
    return pools.entrySet().stream().filter(e -> only.isEmpty() || only.contains(e.getKey())).map(e -> {
      PoolState p = e.getValue();
      long misc = p.end > 0 ? p.end - p.start : 0;
      CheckQueryTime t = CheckQueryTime.newBuilder().setStartTime(p.start).setMiscTime(misc).build();
      return CheckQueryPool.newBuilder().setUuid(e.getKey().toString()).setStatus(p.status).setPhase(p.phase)
          .setTime(t).addTargets(CheckQueryTarget.newBuilder().setRank(Math.max(leader, 0)).setStatus(status)
              .setTime(t)).build();
    }).toList();
  }
}
