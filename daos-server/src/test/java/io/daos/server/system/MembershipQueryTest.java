package io.daos.server.system;

import static io.daos.server.system.MemberState.*;
import static io.daos.server.system.Mocks.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.ranklist.RankSet;
import io.daos.server.sysdb.InMemorySystemDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestSystem_Membership_CheckRanklist, _CheckHostlist and _RankList_Members. */
class MembershipQueryTest {
  static Member stoppedOnHost1(int rank) {
    return member(rank, STOPPED).toBuilder().addr("127.0.0.1:10001").primaryFabricUri("").build();
  }

  static final List<Member> RANK_MEMBERS = List.of(member(0, JOINED), member(1, JOINED), member(2, STOPPED),
      member(3, EXCLUDED), stoppedOnHost1(4));

  record RankCase(String name, List<Member> members, String in, String expRanks, String expMissing, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<RankCase> rankCases() {
    return List.of(
        new RankCase("no rank list", RANK_MEMBERS, "", "0-4", "", null),
        new RankCase("bad rank list", RANK_MEMBERS, "foobar", null, null, "unexpected alphabetic character(s)"),
        new RankCase("no members", List.of(), "0-4", "", "0-4", null),
        new RankCase("full ranklist", RANK_MEMBERS, "0-4", "0-4", "", null),
        new RankCase("partial ranklist", RANK_MEMBERS, "3-4", "3-4", "", null),
        new RankCase("oversubscribed ranklist", RANK_MEMBERS.subList(0, 3), "0-4", "0-2", "3-4", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rankCases")
  void TestSystem_Membership_CheckRanklist(RankCase tc) {
    Membership ms = Mocks.membership(new InMemorySystemDb(), tc.members().toArray(Member[]::new));
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ms.checkRanks(tc.in()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    Membership.RankCheck got = ms.checkRanks(tc.in());
    assertEquals(tc.expRanks(), got.hit().toString());
    assertEquals(tc.expMissing(), got.miss().toString());
  }

  static final List<Member> HOST_MEMBERS = List.of(member(1, JOINED), member(2, STOPPED), member(3, EXCLUDED),
      member(4, JOINED), member(5, JOINED), stoppedOnHost1(6));

  record HostCase(String name, List<Member> members, String in, String expRanks, List<String> expMissing,
      String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<HostCase> hostCases() {
    return List.of(
        new HostCase("no host list", HOST_MEMBERS, "", "", List.of(), null),
        new HostCase("bad host list", HOST_MEMBERS, "123,foobar", null, null, "invalid hostname"),
        new HostCase("no members with ip & port", List.of(), "127.0.0.[1-3]:10001", "",
            List.of("127.0.0.1:10001", "127.0.0.2:10001", "127.0.0.3:10001"), null),
        new HostCase("ips can resolve", HOST_MEMBERS, "127.0.0.[1-3]:10001", "1-3,6", List.of(), null),
        new HostCase("ips can't resolve", HOST_MEMBERS, "127.0.0.[1-5]", "1-3,6",
            List.of("127.0.0.4", "127.0.0.5"), null),
        new HostCase("ips can't resolve bad port", HOST_MEMBERS, "127.0.0.[1-2]:10000,127.0.0.3:10001", "3",
            List.of("127.0.0.1:10000", "127.0.0.2:10000"), null),
        new HostCase("hostnames can resolve", HOST_MEMBERS, "foo-[1-5]", "1-6", List.of(), null),
        new HostCase("hostnames oversubscribed without port", HOST_MEMBERS, "foo-[5-7]", "5",
            List.of("foo-6", "foo-7"), null),
        new HostCase("different local addresses", HOST_MEMBERS, "10.0.0.[1-3]", "",
            List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostCases")
  void TestSystem_Membership_CheckHostlist(HostCase tc) {
    Membership ms = Mocks.membership(new InMemorySystemDb(), tc.members().toArray(Member[]::new));
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ms.checkHosts(tc.in(), 10001));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    Membership.HostCheck got = ms.checkHosts(tc.in(), 10001);
    assertEquals(tc.expRanks(), got.ranks().toString());
    assertEquals(tc.expMissing(), got.missingHosts());
  }

  @Test
  void TestSystem_Membership_RankList_Members() {
    Member r4 = member(4, STOPPED).toBuilder().addr("127.0.0.1:10001").build();
    Membership ms = Mocks.membership(new InMemorySystemDb(), member(1, JOINED), member(2, STOPPED),
        member(3, EXCLUDED), r4);
    assertEquals(List.of(1, 2, 3, 4), ms.rankList());
    // no rank list
    assertEquals(Map.of("127.0.0.1:10001", List.of(1, 4), "127.0.0.2:10001", List.of(2),
        "127.0.0.3:10001", List.of(3)), ms.hostRanks(null));
    // subset rank list
    assertEquals(Map.of("127.0.0.1:10001", List.of(1), "127.0.0.2:10001", List.of(2)),
        ms.hostRanks(RankSet.parse("1-2")));
    // distinct rank list
    assertEquals(Map.of(), ms.hostRanks(RankSet.ofInts(0, 5)));
    assertEquals(List.of("127.0.0.1:10001", "127.0.0.2:10001", "127.0.0.3:10001"), ms.hostList(null));
    // distinct desired states
    assertEquals(List.of(1), ms.members(JOINED).stream().map(Member::rank).toList());
    // combined desired states
    assertEquals(List.of(1, 2, 4), ms.members(JOINED, STOPPED).stream().map(Member::rank).toList());
    // desired states; not joined
    assertEquals(List.of(2, 3, 4), ms.members(null, ALL_FILTER ^ JOINED.mask()).stream().map(Member::rank).toList());
    assertEquals(List.of(1, 4), ms.membersOnHosts(List.of("127.0.0.1:10001")).stream().map(Member::rank).toList());
  }

  @Test
  void groupMapSkipsExcludedMembers() {
    Membership ms = Mocks.membership(new InMemorySystemDb(), member(1, JOINED), member(2, EXCLUDED),
        member(3, AWAIT_FORMAT), member(4, STOPPED));
    GroupMap gm = ms.groupMap(List.of("127.0.0.1:10001"));
    assertEquals(List.of(1, 4), List.copyOf(gm.rankEntries().keySet()));
    assertEquals(List.of(1), gm.msRanks());
    assertEquals(4, gm.version());
    assertEquals("127.0.0.4:10001", gm.rankEntries().get(4).primaryUri());
  }
}
