package io.daos.engine.pool.svc;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes the compressed fault-domain tree the MS puts in PoolCreateReq.fault_domains (DAOS's
 * {@code CompressedFaultDomainTree}): a metadata word, then a breadth-first walk where every domain is
 * {@code (level, id, children)} and every rank leaf is just the rank. Each rank gets the path of domain ids
 * from below the root down to its parent ("/3/7"), which groups ranks as the names would.
 */
public final class FaultDomains {
  private FaultDomains() {
  }

  /** rank → fault-domain path; ranks absent from an empty tree each get their own domain ("/rank<N>"). */
  public static Map<Integer, String> decode(List<Integer> tree, List<Integer> ranks) {
    Map<Integer, String> out = new TreeMap<>();
    if (tree.size() <= 1) {
      ranks.forEach(r -> out.put(r, "/rank" + r));
      return out;
    }
    record Node(int level, String path, int children) {
    }
    Deque<Node> queue = new ArrayDeque<>();
    int i = 1;
    queue.add(new Node(at(tree, i), "", at(tree, i + 2)));
    i += 3;
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (int c = 0; c < n.children(); c++) {
        if (n.level() <= 1) {
          out.put(at(tree, i), n.path().isEmpty() ? "/" : n.path());
          i += 1;
        } else {
          queue.add(new Node(at(tree, i), n.path() + "/" + at(tree, i + 1), at(tree, i + 2)));
          i += 3;
        }
      }
    }
    return out;
  }

  /** The number of distinct fault domains (the level just above the ranks). */
  static int count(Map<Integer, String> domains) {
    return (int) domains.values().stream().distinct().count();
  }

  private static int at(List<Integer> tree, int i) {
    if (i >= tree.size()) {
      throw new DaosException(DaosStatus.INVAL, "fault domain tree is truncated at entry " + i + " of "
          + tree.size());
    }
    return tree.get(i);
  }
}
