package io.daos.placement;

import java.util.ArrayList;
import java.util.List;

/** Lays a built tree out level by level, as {@code pool_buf_parse} does (root, each level, then targets). */
final class PoolMapFlattener {
  private PoolMapFlattener() {
  }

  static PoolMap flatten(PoolMapBuilder.Node root, int version) {
    List<PoolMapBuilder.Node> order = new ArrayList<>();
    List<PoolMapBuilder.Node> level = List.of(root);
    while (!level.isEmpty()) {
      order.addAll(level);
      List<PoolMapBuilder.Node> next = new ArrayList<>();
      level.forEach(n -> next.addAll(n.childList()));
      level = next;
    }
    int n = order.size();
    MapComponent[] doms = new MapComponent[n];
    int[] childStart = new int[n];
    int[] childNr = new int[n];
    int[] tgtStart = new int[n];
    int[] tgtNr = new int[n];
    int nextChild = 1;
    for (int i = 0; i < n; i++) {
      PoolMapBuilder.Node node = order.get(i);
      doms[i] = node.comp;
      childNr[i] = node.children.size();
      childStart[i] = childNr[i] > 0 ? nextChild : 0;
      nextChild += childNr[i];
    }
    List<MapComponent> tgts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PoolMapBuilder.Node node = order.get(i);
      if (node.comp.type() == DomainLevel.RANK) {
        tgtStart[i] = tgts.size();
        tgtNr[i] = node.targetCount;
        for (int t = 0; t < node.targetCount; t++) {
          tgts.add(MapComponent.healthy(DomainLevel.TARGET, tgts.size(), node.comp.rank(), t, version));
        }
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (childNr[i] > 0) {
        tgtStart[i] = tgtStart[childStart[i]];
        int last = childStart[i] + childNr[i] - 1;
        tgtNr[i] = tgtStart[last] + tgtNr[last] - tgtStart[i];
      }
    }
    return new PoolMap(version, doms, childStart, childNr, tgtStart, tgtNr, tgts.toArray(new MapComponent[0]));
  }
}
