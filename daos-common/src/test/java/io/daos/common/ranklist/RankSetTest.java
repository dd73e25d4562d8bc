package io.daos.common.ranklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's TestRanklist_RankSet* (lib/ranklist/ranklist_test.go). */
class RankSetTest {
  record Case(String name, String ranks, long[] add, String expOut, int expCount, long[] expRanks, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static long[] r(long... v) {
    return v;
  }

  static Case ok(String name, String ranks, long[] add, String out, long[] exp) {
    return new Case(name, ranks, add, out, exp.length, exp, null);
  }

  static Stream<Case> cases() {
    return Stream.of(
        ok("empty start list", "", r(), "", r()),
        ok("empty bracketed start list", "[]", r(), "", r()),
        new Case("invalid with hostnames", "node2-1,node1-2.suffix1,node1-[45,47].suffix2,node3,node1-3", r(),
            null, 0, null, "unexpected alphabetic character(s)"),
        ok("simple bracketed ranged rank list", "[0-10]", r(), "0-10", LongStream.rangeClosed(0, 10).toArray()),
        ok("simple ranged rank list", "0-10", r(), "0-10", LongStream.rangeClosed(0, 10).toArray()),
        ok("deranged rank list", "1,2,3,5,6,8,10,10,1", r(), "1-3,5-6,8,10", r(1, 2, 3, 5, 6, 8, 10)),
        ok("ranged rank list", "2,3,10-19,0-9", r(30, 32), "0-19,30,32",
            LongStream.concat(LongStream.rangeClosed(0, 19), LongStream.of(30, 32)).toArray()),
        ok("adding to empty list", "", r(30, 32), "30,32", r(30, 32)),
        new Case("invalid list with spaces", "1, 5", r(), null, 0, null, "unexpected whitespace character(s)"),
        new Case("invalid range string", "3-0", r(), null, 0, null, "invalid range"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rankSet(Case tc) {
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RankSet.parse(tc.ranks()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    RankSet rs = RankSet.parse(tc.ranks());
    for (long a : tc.add()) {
      rs = rs.add(Rank.of(a));
    }
    assertEquals(tc.expOut(), rs.toString());
    assertEquals(tc.expCount(), rs.count());
    List<Rank> exp = new ArrayList<>();
    for (long v : tc.expRanks()) {
      exp.add(Rank.of(v));
    }
    assertEquals(exp, rs.ranks());
  }

  @Test
  void containsMissingAndFound() {
    RankSet rs = RankSet.parse("1-128");
    assertFalse(rs.contains(Rank.of(200)));
    assertTrue(rs.contains(Rank.of(126)));
  }

  @Test
  void rangedStringAndRemove() {
    RankSet rs = RankSet.parse("[0-3,5]");
    assertEquals("[0-3,5]", rs.rangedString());
    assertEquals("0,2-3,5", rs.remove(Rank.of(1)).toString());
    assertEquals("5", RankSet.of(Rank.of(5)).rangedString());
    assertEquals(rs, RankSet.of(Rank.of(5), Rank.of(3), Rank.of(2), Rank.of(1), Rank.of(0)));
  }

  @Test
  void iterationIsSortedUnsigned() {
    RankSet rs = RankSet.of(Rank.of(Rank.MAX_VALUE), Rank.of(7), Rank.of(0));
    List<Long> seen = new ArrayList<>();
    rs.forEach(x -> seen.add(x.value()));
    assertEquals(List.of(0L, 7L, Rank.MAX_VALUE), seen);
  }

  @Test
  void nilRank() {
    assertEquals("NilRank", Rank.NIL.toString());
    assertEquals(Rank.NIL, Rank.fromUint32(-1));
    assertThrows(IllegalArgumentException.class, () -> Rank.parse("4294967295"));
    assertThrows(IllegalArgumentException.class, () -> RankSet.empty().add(Rank.NIL));
  }

  @Test
  void intConveniences() {
    RankSet rs = RankSet.ofInts(List.of(5, 3, 0, 1, 2, 3, -1));
    assertEquals("0-3,5", rs.toString());
    assertEquals(List.of(0, 1, 2, 3, 5), rs.ints());
    assertTrue(rs.contains(5));
    assertFalse(rs.contains(4));
    assertFalse(rs.contains(-1));
    assertEquals(RankSet.ofInts(0, 1, 2, 3, 5), rs);
    assertEquals(List.of(-2), RankSet.ofInts(-2).ints()); // 0xFFFFFFFE, the largest rank, round-trips
  }
}
