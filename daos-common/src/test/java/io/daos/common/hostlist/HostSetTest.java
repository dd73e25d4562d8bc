package io.daos.common.hostlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's hostset_test.go and common.ParseHostList behaviour. */
class HostSetTest {
  record Case(String name, String start, String expOut, int expCount) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> createCases() {
    return Stream.of(
        new Case("complex with suffixes", "node2-1,node1-2.suffix1,node1-[45,47].suffix2,node3,node1-3",
            "node3,node1-3,node1-2.suffix1,node1-[45,47].suffix2,node2-1", 6),
        new Case("duplicates removed", "node[1-128],node2,node4,node8,node16,node32,node64,node128",
            "node[1-128]", 128),
        new Case("port included", "server[1,3,5,7,9]:10000,server[2,4,6,8,10]:10001",
            "server[1,3,5,7,9]:10000,server[2,4,6,8,10]:10001", 10),
        new Case("single hyphen", "dserver-0001,dserver-0002,dserver-0003", "dserver-[0001-0003]", 3),
        new Case("multiple hyphens", "d-server-j-0001,d-server-j-0002,d-server-j-0003", "d-server-j-[0001-0003]", 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void create(Case tc) {
    HostSet hs = HostSet.parse(tc.start());
    assertEquals(tc.expOut(), hs.toString());
    assertEquals(tc.expCount(), hs.count());
  }

  @Test
  void insertComplexWithDuplicates() {
    HostSet hs = HostSet.parse("node2-1,node1-2.suffix1,node1-[45,47].suffix2,node3,node1-3")
        .insert("node1-[1-5],node1-[32-64].suffix2");
    assertEquals("node3,node1-[1-5],node1-2.suffix1,node1-[32-64].suffix2,node2-1", hs.toString());
    assertEquals(41, hs.count());
  }

  record IntersectCase(String name, String start, String check, String exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<IntersectCase> intersectCases() {
    return Stream.of(
        new IntersectCase("empty list", "", "node1", ""),
        new IntersectCase("single node", "node[1-128]", "node1", "node1"),
        new IntersectCase("range", "node[1-128]", "node[1-8]", "node[1-8]"),
        new IntersectCase("range overflows", "node[1-128]", "node[1-256]", "node[1-128]"),
        new IntersectCase("range overlaps", "node[1-128]", "node[128-256]", "node128"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("intersectCases")
  void intersects(IntersectCase tc) {
    assertEquals(tc.exp(), HostSet.parse(tc.start()).intersect(tc.check()).toString());
  }

  @Test
  void mergeSet() {
    HostSet a = HostSet.parse("host[1-8]");
    HostSet b = HostSet.parse("host[8-15]");
    assertEquals(a.count() + b.count() - 1, a.union(b).count());
    assertEquals("host[1-15]", a.union(b).toString());
  }

  record FuzzCase(String name, String err) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<FuzzCase> fuzzCrashers() {
    return Stream.of(
        new FuzzCase("00]000000[", "invalid range"),
        new FuzzCase("host[1-10000000000]", "invalid range"),
        new FuzzCase("d,d1", null),
        new FuzzCase("-,-,,1 b,e-,d,y _m,%", "invalid hostname"),
        new FuzzCase("[45,    7,2,42,4,6,8,8,0]", "invalid range"),
        new FuzzCase("host0", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fuzzCrashers")
  void fuzzCrashers(FuzzCase tc) {
    if (tc.err() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostSet.parse(tc.name()));
      assertTrue(e.getMessage().contains(tc.err()), e.getMessage());
      return;
    }
    HostSet hs = HostSet.parse(tc.name());
    assertTrue(hs.remove(tc.name()).isEmpty(), hs.toString());
  }

  @Test
  void twoRangesNotMerged() {
    assertEquals("d,d1", HostSet.parse("d,d1").toString());
  }

  @Test
  void containsAndRemove() {
    HostSet hs = HostSet.parse("host[1-4]:10001,localhost:10001");
    assertTrue(hs.contains("host[2-3]:10001"));
    assertTrue(hs.contains("localhost:10001"));
    assertFalse(hs.contains("host5:10001"));
    assertEquals("host[1,4]:10001,localhost:10001", hs.remove("host[2-3]:10001").toString());
  }

  @Test
  void defaultPortAppended() {
    assertEquals(List.of("host1:10001", "host2:10001", "host3:9999", "localhost:10001"),
        HostPorts.resolve(List.of("host[1-2]", "host3:9999", "localhost"), 10001));
  }

  @Test
  void badPortRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HostPorts.resolve(List.of("host1:abc:1"), 10001));
    assertTrue(e.getMessage().contains("hostname[:port]"), e.getMessage());
  }
}
