package io.daos.itest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Tarjan's strongly connected components over a package graph: every component of more than one package. */
final class PackageCycles {
  private final Map<String, Set<String>> graph;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new TreeSet<>();
  private final List<List<String>> cycles = new ArrayList<>();
  private int next;

  PackageCycles(Map<String, Set<String>> graph) {
    this.graph = graph;
  }

  List<List<String>> find() {
    for (String p : graph.keySet()) {
      if (!index.containsKey(p)) {
        visit(p);
      }
    }
    return cycles;
  }

  private void visit(String p) {
    index.put(p, next);
    low.put(p, next);
    next++;
    stack.push(p);
    onStack.add(p);
    for (String q : graph.getOrDefault(p, Set.of())) {
      if (!index.containsKey(q)) {
        visit(q);
        low.put(p, Math.min(low.get(p), low.get(q)));
      } else if (onStack.contains(q)) {
        low.put(p, Math.min(low.get(p), index.get(q)));
      }
    }
    if (low.get(p).equals(index.get(p))) {
      popComponent(p);
    }
  }

  private void popComponent(String root) {
    Set<String> component = new TreeSet<>();
    String q;
    do {
      q = stack.pop();
      onStack.remove(q);
      component.add(q);
    } while (!q.equals(root));
    if (component.size() > 1) {
      cycles.add(new ArrayList<>(component));
    }
  }
}
