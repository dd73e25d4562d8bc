package io.daos.server.mgmt.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a new pool's service ranks: {@code num_svc_reps} if given, else 2 × svc_rf + 1 (svc_rf 2 by default),
 * at most the number of ranks and kept odd (a Raft group of an even size tolerates no more failures than one
 * replica fewer). Ranks are taken one fault domain at a time, round robin, so replicas spread over domains.
 */
final class PoolSvcRanks {
  static final int DEFAULT_SVC_RF = 2;

  private PoolSvcRanks() {
  }

  static int count(int numSvcReps, long svcRf, int ranks) {
    int n = numSvcReps > 0 ? numSvcReps : (int) (2 * svcRf + 1);
    n = Math.min(n, ranks);
    return numSvcReps > 0 || n % 2 == 1 ? n : n - 1;
  }

  /** {@code domains}: rank → fault-domain path; returns {@code n} ranks, sorted. */
  static List<Integer> select(Map<Integer, String> domains, int n) {
    Map<String, Deque<Integer>> byDomain = new TreeMap<>();
    new TreeMap<>(domains).forEach((rank, d) -> byDomain.computeIfAbsent(d, k -> new ArrayDeque<>()).add(rank));
    List<Integer> out = new ArrayList<>();
    while (out.size() < n && byDomain.values().stream().anyMatch(q -> !q.isEmpty())) {
      for (Deque<Integer> q : byDomain.values()) {
        if (!q.isEmpty() && out.size() < n) {
          out.add(q.poll());
        }
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }
}
