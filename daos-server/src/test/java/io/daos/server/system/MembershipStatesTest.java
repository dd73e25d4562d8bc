package io.daos.server.system;

import static io.daos.server.system.MemberState.*;
import static io.daos.server.system.Mocks.member;
import static io.daos.server.system.Mocks.unstamped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.ranklist.RankSet;
import io.daos.server.sysdb.InMemorySystemDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestSystem_Membership_UpdateMemberStates, _MarkDead and _OnEvent. */
class MembershipStatesTest {

  record UpdateCase(String name, boolean ignoreErrs, List<Member> members, List<MemberResult> results,
      List<Member> expMembers, List<String> expAddrs, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static MemberResult raw(int rank, String msg, MemberState state) {
    return new MemberResult(rank, "", "", false, msg, state);
  }

  static List<UpdateCase> updateCases() {
    List<MemberResult> mixed = List.of(MemberResult.ok(1, STOPPED), MemberResult.failed(2, "can't stop", ERRORED),
        MemberResult.ok(4, READY), MemberResult.ok(5, READY), raw(6, "exit 1", STOPPED));
    return List.of(
        new UpdateCase("update result address from member", false,
            List.of(member(1, JOINED), member(2, STOPPED)),
            List.of(MemberResult.ok(1, READY), MemberResult.failed(2, "can't stop", ERRORED).withAddr("10.0.0.1")),
            List.of(member(1, JOINED), member(2, ERRORED, "can't stop")),
            List.of("127.0.0.1:10001", "10.0.0.1"), null),
        new UpdateCase("ignore errored results", true,
            List.of(member(1, JOINED), member(2, STOPPED), member(3, EXCLUDED), member(4, STOPPED),
                member(5, JOINED), member(6, JOINED)),
            mixed,
            List.of(member(1, STOPPED), member(2, STOPPED), member(3, EXCLUDED), member(4, READY),
                member(5, JOINED), member(6, STOPPED, "exit 1")), null, null),
        new UpdateCase("don't ignore errored results", false,
            List.of(member(1, JOINED), member(2, STOPPED), member(3, EXCLUDED), member(4, STOPPED),
                member(5, JOINED), member(6, STOPPED)),
            mixed,
            List.of(member(1, STOPPED), member(2, ERRORED, "can't stop"), member(3, EXCLUDED), member(4, READY),
                member(5, JOINED), member(6, STOPPED)), null, null),
        new UpdateCase("errored result with nonerrored state", false,
            List.of(member(1, JOINED), member(2, STOPPED), member(3, EXCLUDED)),
            List.of(MemberResult.ok(1, STOPPED), MemberResult.failed(2, "can't stop", ERRORED),
                new MemberResult(3, "", "", true, "can't stop", JOINED)),
            null, null, "rank 3 has conflicting state 'Joined'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void TestSystem_Membership_UpdateMemberStates(UpdateCase tc) {
    Membership ms = Mocks.membership(new InMemorySystemDb(), tc.members().toArray(Member[]::new));
    if (tc.expErr() != null) {
      SystemException e = assertThrows(SystemException.class,
          () -> ms.updateMemberStates(tc.results(), !tc.ignoreErrs()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    List<MemberResult> out = ms.updateMemberStates(tc.results(), !tc.ignoreErrs());
    assertEquals(tc.expMembers(), unstamped(ms.members()));
    if (tc.expAddrs() != null) {
      assertEquals(tc.expAddrs(), out.stream().map(MemberResult::addr).toList());
    }
  }

  record DeadCase(String name, int rank, long incarnation, String expErr, boolean expNeedsGrpUpd) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<DeadCase> deadCases() {
    return List.of(
        new DeadCase("unknown member", 42, 0, "unable to find member with rank 42", false),
        new DeadCase("invalid transition ignored; no error and no update requested", 2, 0, null, false),
        new DeadCase("stale event for joined member", 0, 1, "incarnation", false),
        new DeadCase("new event for joined member", 0, 2, null, true),
        new DeadCase("event for stopped member", 1, 2, null, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deadCases")
  void TestSystem_Membership_MarkDead(DeadCase tc) {
    Membership ms = Mocks.membership(new InMemorySystemDb(), member(0, JOINED, 2), member(1, STOPPED, 2),
        member(2, EXCLUDED, 2));
    if (tc.expErr() != null) {
      SystemException e = assertThrows(SystemException.class, () -> ms.markRankDead(tc.rank(), tc.incarnation()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    assertEquals(tc.expNeedsGrpUpd(), ms.markRankDead(tc.rank(), tc.incarnation()));
    if (tc.expNeedsGrpUpd()) {
      assertEquals(EXCLUDED, ms.get(tc.rank()).state());
    }
  }

  static final String DIED_MSG = "DAOS engine 0 exited unexpectedly: process exited with 0";
  static final List<Member> EVT_MEMBERS = List.of(member(0, JOINED, 100), member(1, JOINED, 200),
      member(2, STOPPED, 300), member(3, EXCLUDED, 400));

  record EventCase(String name, RasEvent event, List<Member> expMembers) {
    @Override
    public String toString() {
      return name;
    }
  }

  static RasEvent died(int rank, long inc) {
    return new RasEvent(RasEventId.ENGINE_DIED, DIED_MSG, "foo", rank, inc);
  }

  static List<EventCase> eventCases() {
    List<Member> updated = List.of(EVT_MEMBERS.get(0), member(1, ERRORED, 200).withInfo(DIED_MSG),
        EVT_MEMBERS.get(2), EVT_MEMBERS.get(3));
    return List.of(
        new EventCase("nil event", null, EVT_MEMBERS),
        new EventCase("event on unrecognized rank", died(4, 789), EVT_MEMBERS),
        new EventCase("state updated if current incarnation", died(1, 200), updated),
        new EventCase("updated if new incarnation", died(1, 201), updated),
        new EventCase("not updated if old incarnation", died(1, 199), EVT_MEMBERS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventCases")
  void TestSystem_Membership_OnEvent(EventCase tc) {
    Membership ms = Mocks.membership(new InMemorySystemDb(), EVT_MEMBERS.toArray(Member[]::new));
    ms.onEvent(tc.event());
    assertEquals(tc.expMembers(), unstamped(ms.members()));
  }

  @Test
  void swimRankDeadHonoursSelfHeal() {
    InMemorySystemDb db = new InMemorySystemDb();
    Membership ms = Mocks.membership(db, member(0, JOINED, 2), member(1, JOINED, 2));
    RasEvent dead0 = new RasEvent(RasEventId.SWIM_RANK_DEAD, "", "", 0, 2);
    assertTrue(ms.onEvent(dead0));
    assertEquals(EXCLUDED, ms.get(0).state());
    ms.withSelfHealPolicy(() -> "pool_exclude;pool_rebuild");
    assertFalse(ms.onEvent(new RasEvent(RasEventId.SWIM_RANK_DEAD, "", "", 1, 2)));
    assertEquals(JOINED, ms.get(1).state());
    assertFalse(ms.onEvent(new RasEvent(RasEventId.SWIM_RANK_DEAD, "", "", 7, 2)), "unknown rank is ignored");
  }

  @Test
  void adminExcludeIsStickyUntilCleared() {
    Membership ms = Mocks.membership(new InMemorySystemDb(), member(0, JOINED), member(1, JOINED));
    List<MemberResult> res = ms.adminExclude(RankSet.ofInts(1));
    assertEquals("set admin-excluded state", res.get(0).action());
    assertTrue(ms.isRankAdminExcluded(1));
    ms.updateMemberStates(List.of(MemberResult.ok(1, STOPPED)), true);
    assertFalse(ms.markRankDead(1, 0));
    assertEquals(ADMIN_EXCLUDED, ms.get(1).state());
    assertThrows(SystemException.class, () -> ms.join(MembershipJoinTest.req(member(1, JOINED)).build()));
    ms.clearExclude(RankSet.ofInts(1));
    assertEquals(EXCLUDED, ms.get(1).state());
    assertEquals(JOINED, ms.join(MembershipJoinTest.req(member(1, JOINED)).build()).member().state());
  }
}
