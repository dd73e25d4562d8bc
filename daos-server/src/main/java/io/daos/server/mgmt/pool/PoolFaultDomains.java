package io.daos.server.mgmt.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compressed fault-domain tree of a pool's ranks, as DAOS's {@code CompressedFaultDomainTree} lays it out for
 * PoolCreateReq.fault_domains: a metadata word (bit 1: the tree has a performance-domain level, i.e. depth > 2),
 * then a breadth-first walk in which every domain is {@code (level, id, number of children)} and every rank leaf is
 * the rank alone. Levels count down from the root (the tree depth) to the ranks (0); ids number the domains in
 * walk order from the root (0), children in name order.
 */
final class PoolFaultDomains {
  static final int HAS_PERF_DOM = 1 << 1;

  private PoolFaultDomains() {
  }

  /** {@code paths}: rank → its fault-domain levels, top first (e.g. ["rack1", "host3"]); all the same depth. */
  static List<Integer> compress(Map<Integer, List<String>> paths) {
    Node root = new Node();
    int depth = 1;
    for (Map.Entry<Integer, List<String>> e : paths.entrySet()) {
      Node n = root;
      for (String level : e.getValue()) {
        n = n.children.computeIfAbsent(level, k -> new Node());
      }
      n.ranks.add(e.getKey());
      depth = Math.max(depth, e.getValue().size() + 1);
    }
    List<Integer> out = new ArrayList<>();
    out.add(depth > 2 ? HAS_PERF_DOM : 0);
    List<Node> level = List.of(root);
    int id = 0;
    for (int l = depth; l > 0; l--) {
      List<Node> next = new ArrayList<>();
      for (Node n : level) {
        out.add(l);
        out.add(id++);
        out.add(l == 1 ? n.ranks.size() : n.children.size());
        next.addAll(n.children.values());
      }
      if (l == 1) {
        level.forEach(n -> n.ranks.stream().sorted().forEach(out::add));
      }
      level = next;
    }
    return out;
  }

  private static final class Node {
    final Map<String, Node> children = new TreeMap<>();
    final List<Integer> ranks = new ArrayList<>();
  }
}
