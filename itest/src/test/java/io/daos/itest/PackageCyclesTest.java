package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {
  @Test
  void findsEachStronglyConnectedSetOnce() {
    Map<String, Set<String>> g = Map.of(
        "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of("e"), "e", Set.of("d"), "f", Set.of("a"));
    List<List<String>> cycles = new PackageCycles(new java.util.TreeMap<>(g)).find();
    assertEquals(Set.of(List.of("a", "b", "c"), List.of("d", "e")), Set.copyOf(cycles));
  }

  @Test
  void aChainIsNoCycle() {
    assertEquals(List.of(), new PackageCycles(new java.util.TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"))))
        .find());
  }
}
