package io.daos.control;

import io.daos.common.hostlist.HostSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** DAOS's choice of management-service candidates: up to 5 distinct random hosts of the host list. */
final class MsCandidates {
  static final int MAX = 5;

  private MsCandidates() {
  }

  static List<String> pick(List<String> hosts, int max, Random random) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(hosts));
    int want = Math.min(max, distinct.size());
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < want) {
      chosen.add(distinct.get(random.nextInt(distinct.size())));
    }
    return HostSet.of(chosen).hosts();
  }
}
