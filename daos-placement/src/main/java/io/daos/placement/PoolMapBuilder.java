package io.daos.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link PoolMap} from ranks with fault domain paths ("/rack0/node1": the last element is the NODE
 * domain, any above it FAULT domains; "/" puts ranks directly under the root). Domains and ranks keep the order
 * in which they are first given; domain ids count up from {@link #firstDomainId} in that order, as the control
 * plane's fault domain tree numbers domains when they join.
 */
public final class PoolMapBuilder {
  private final Map<Integer, String[]> paths = new LinkedHashMap<>();
  private final Map<Integer, Integer> targets = new LinkedHashMap<>();
  private int version = 1;
  private int firstDomainId = 1;

  PoolMapBuilder() {
  }

  /** Map version (default 1). */
  public PoolMapBuilder version(int v) {
    if (v < 1) {
      throw new IllegalArgumentException("pool map version must be at least 1, got " + v);
    }
    this.version = v;
    return this;
  }

  /** Id of the first domain created (default 1: the root holds 0 in the control plane's tree). */
  public PoolMapBuilder firstDomainId(int id) {
    this.firstDomainId = id;
    return this;
  }

  /** Adds {@code rank} with {@code targetCount} targets under the fault domain {@code path}. */
  public PoolMapBuilder rank(int rank, String path, int targetCount) {
    if (targetCount < 1) {
      throw new IllegalArgumentException("rank " + rank + " needs at least one target, got " + targetCount);
    }
    if (paths.containsKey(rank)) {
      throw new IllegalArgumentException("rank " + rank + " is given twice");
    }
    paths.put(rank, split(path, rank));
    targets.put(rank, targetCount);
    return this;
  }

  /** Builds the map; all ranks must sit at the same depth. */
  public PoolMap build() {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a pool map needs at least one rank");
    }
    int depth = paths.values().iterator().next().length;
    Node root = new Node(MapComponent.healthy(DomainLevel.ROOT, 0, -1, 0, version));
    int[] nextId = {firstDomainId};
    paths.forEach((rank, p) -> addRank(root, rank, p, depth, nextId));
    return PoolMapFlattener.flatten(root, version);
  }

  private void addRank(Node root, int rank, String[] path, int depth, int[] nextId) {
    if (path.length != depth) {
      throw new IllegalArgumentException("rank " + rank + " has fault domain depth " + path.length
          + " but others have " + depth + ": DAOS needs a balanced fault domain tree");
    }
    Node cur = root;
    for (int i = 0; i < path.length; i++) {
      DomainLevel level = i == path.length - 1 ? DomainLevel.NODE : DomainLevel.FAULT;
      cur = cur.child(path[i], level, nextId, version);
    }
    Node r = new Node(MapComponent.healthy(DomainLevel.RANK, rank, rank, cur.children.size(), version));
    r.targetCount = targets.get(rank);
    cur.children.put("rank" + rank, r);
  }

  private static String[] split(String path, int rank) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("fault domain of rank " + rank + " must be an absolute path like "
          + "/rack0/node1, got " + path);
    }
    String trimmed = path.substring(1);
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }

  /** A tree node while building. */
  static final class Node {
    final MapComponent comp;
    final Map<String, Node> children = new LinkedHashMap<>();
    int targetCount;

    Node(MapComponent comp) {
      this.comp = comp;
    }

    Node child(String name, DomainLevel level, int[] nextId, int version) {
      Node n = children.get(name);
      if (n == null) {
        n = new Node(MapComponent.healthy(level, nextId[0]++, -1, children.size(), version));
        children.put(name, n);
      } else if (n.comp.type() != level) {
        throw new IllegalArgumentException("fault domain " + name + " is used at two different levels");
      }
      return n;
    }

    List<Node> childList() {
      return new ArrayList<>(children.values());
    }
  }
}
