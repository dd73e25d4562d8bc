package io.daos.server.system;

import static io.daos.server.system.Mocks.member;
import static io.daos.server.system.Mocks.unstamped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.fault.Fault;
import io.daos.control.errors.NotLeaderException;
import io.daos.server.sysdb.InMemorySystemDb;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestSystem_Membership_Join and TestSystem_Membership_FindRankFromJoinRequest. */
class MembershipJoinTest {
  static final FaultDomain FD1 = FaultDomain.parse("/dc1/rack8/pdu5/host1");
  static final FaultDomain FD2 = FaultDomain.parse("/dc1/rack9/pdu0/host2");
  static final FaultDomain SHALLOW = FaultDomain.parse("/host3");
  static final UUID NEW_UUID = UUID.fromString("5b2a7a5e-1f0c-4c7e-9b8e-3f7d9c1a2b3c");
  static final Member CUR = member(0, MemberState.JOINED).withFaultDomain(FD1);
  static final Member CUR1 = member(1, MemberState.JOINED).withFaultDomain(FD1);
  static final Member NEW = member(2, MemberState.JOINED).withFaultDomain(FD2);
  static final Member SHALLOW_MEMBER = member(3, MemberState.JOINED).withFaultDomain(SHALLOW);
  static final int EXP_MAP_VER = 3;

  record Case(String name, boolean notLeader, List<Member> curMembers, JoinRequest req, JoinResponse expResp,
      Object expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static JoinRequest.Builder req(Member m) {
    return JoinRequest.builder().rank(m.rank()).uuid(m.uuid()).controlAddr(m.addr())
        .primaryFabricUri(m.addr()).faultDomain(m.faultDomain());
  }

  static List<Case> joinCases() {
    List<Member> def = List.of(CUR, CUR1);
    Member adminExcluded = member(3, MemberState.ADMIN_EXCLUDED).withRank(0);
    return List.of(
        new Case("not leader", true, def, req(NEW).rank(Member.NIL_RANK).build(), null, NotLeaderException.class),
        new Case("successful rejoin", false, def, req(CUR).build(),
            new JoinResponse(CUR, false, MemberState.JOINED, EXP_MAP_VER), null),
        new Case("successful rejoin with different fault domain", false, def, req(CUR).faultDomain(FD2).build(),
            new JoinResponse(CUR.withFaultDomain(FD2), false, MemberState.JOINED, EXP_MAP_VER), null),
        new Case("rejoin with existing UUID and unknown rank", false, def, req(CUR).rank(42).build(), null,
            SystemException.uuidExists(CUR.uuid()).getMessage()),
        new Case("rejoin with different UUID and dupe rank", false, def, req(CUR).uuid(NEW_UUID).build(), null,
            SystemException.joinUuidChanged(NEW_UUID, CUR.uuid(), 0).getMessage()),
        new Case("rejoin with different address", false, def, req(CUR).controlAddr(NEW.addr()).build(), null,
            SystemException.joinControlAddrChanged(NEW.addr(), CUR.addr(), CUR.uuid(), 0).getMessage()),
        new Case("successful join", false, def,
            req(NEW).rank(Member.NIL_RANK).fabricContexts(NEW.primaryFabricContexts()).build(),
            new JoinResponse(NEW, true, MemberState.UNKNOWN, EXP_MAP_VER), null),
        new Case("replace; nil rank in request", false, def, req(NEW).rank(Member.NIL_RANK).replace(true).build(),
            null, "unexpected nil rank"),
        new Case("replace; unknown rank in request", false, def, req(CUR).rank(2).replace(true).build(), null,
            SystemException.rankNotFound(2).getMessage()),
        new Case("replace; administrative excluded rank in request", false, List.of(adminExcluded),
            req(CUR).rank(0).replace(true).build(), null,
            SystemException.joinAdminExcluded(adminExcluded.uuid(), 0).getMessage()),
        new Case("successful replace; different UUID but otherwise identical member", false, def,
            req(CUR).uuid(NEW_UUID).replace(true).build(),
            new JoinResponse(CUR.toBuilder().uuid(NEW_UUID).build(), false, MemberState.JOINED, EXP_MAP_VER + 1),
            null),
        new Case("join with all fields matching except UUID; needs --replace", false, def,
            req(CUR).rank(Member.NIL_RANK).uuid(NEW_UUID).primaryFabricUri(CUR.primaryFabricUri())
                .fabricContexts(CUR.primaryFabricContexts()).build(),
            null, SystemFaults.joinMemberExists(NEW_UUID, CUR.uuid())),
        new Case("new member with bad fault domain depth", false, def,
            req(SHALLOW_MEMBER).rank(Member.NIL_RANK).primaryFabricUri(CUR.addr())
                .fabricContexts(SHALLOW_MEMBER.primaryFabricContexts()).build(),
            null, SystemFaults.badFaultDomainDepth(SHALLOW, FD1.numLevels())),
        new Case("update existing member with bad fault domain depth", false, def,
            req(CUR).faultDomain(SHALLOW).build(), null, SystemFaults.badFaultDomainDepth(SHALLOW, FD1.numLevels())),
        new Case("change fault domain depth for only member", false, List.of(CUR),
            req(CUR).faultDomain(SHALLOW).build(),
            new JoinResponse(CUR.withFaultDomain(SHALLOW), false, MemberState.JOINED, 2), null));
  }

  /** Seeds members as DAOS's test does: the first keeps its rank (the bootstrap rank 0), later ones get NextRank. */
  static Membership seed(InMemorySystemDb db, List<Member> members) {
    Membership ms = new Membership(db);
    for (int i = 0; i < members.size(); i++) {
      db.addMember(i == 0 ? members.get(i) : members.get(i).withRank(Member.NIL_RANK));
    }
    return ms;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("joinCases")
  void TestSystem_Membership_Join(Case tc) {
    InMemorySystemDb db = new InMemorySystemDb();
    Membership ms = seed(db, tc.curMembers());
    if (tc.notLeader()) {
      db.setLeader(false);
    }
    if (tc.expErr() != null) {
      assertError(tc.expErr(), () -> ms.join(tc.req()));
      return;
    }
    JoinResponse got = ms.join(tc.req());
    assertEquals(unstamped(tc.expResp().member()), unstamped(got.member()));
    assertEquals(tc.expResp().created(), got.created());
    assertEquals(tc.expResp().prevState(), got.prevState());
    assertEquals(tc.expResp().mapVersion(), got.mapVersion());
    assertEquals(unstamped(tc.expResp().member()).withInfo(""),
        unstamped(db.findMemberByRank(got.member().rank()).orElseThrow()));
  }

  static List<Case> findRankCases() {
    Member adminExcl = member(1, MemberState.ADMIN_EXCLUDED).withFaultDomain(FD1);
    return List.of(
        new Case("non-nil rank in request", false, null, req(CUR1).build(), null, "unexpected rank"),
        new Case("empty membership", false, List.of(), req(CUR1).rank(Member.NIL_RANK).build(), null,
            "empty system membership"),
        new Case("no matching member", false, null,
            req(NEW).rank(Member.NIL_RANK).fabricContexts(NEW.primaryFabricContexts()).build(), null,
            SystemFaults.joinReplaceRankNotFound(4)),
        new Case("partially matching member", false, null,
            req(CUR1).rank(Member.NIL_RANK).uuid(NEW.uuid()).controlAddr(NEW.addr())
                .fabricContexts(CUR1.primaryFabricContexts()).build(), null, SystemFaults.joinReplaceRankNotFound(1)),
        new Case("matching member; identical UUID", false, null,
            req(CUR1).rank(Member.NIL_RANK).fabricContexts(CUR1.primaryFabricContexts()).build(), null,
            SystemException.uuidExists(CUR1.uuid()).getMessage()),
        new Case("different fault domain", false, null,
            req(CUR1).rank(Member.NIL_RANK).faultDomain(FD2).fabricContexts(CUR1.primaryFabricContexts()).build(),
            null, SystemFaults.joinReplaceRankNotFound(1)),
        new Case("success; matching member", false, null,
            req(CUR1).rank(Member.NIL_RANK).uuid(NEW_UUID).fabricContexts(CUR1.primaryFabricContexts()).build(),
            new JoinResponse(CUR1, false, MemberState.UNKNOWN, 0), null),
        new Case("admin excluded existing member", false, List.of(adminExcl),
            req(CUR1).rank(Member.NIL_RANK).uuid(NEW_UUID).fabricContexts(CUR1.primaryFabricContexts()).build(),
            new JoinResponse(CUR1, false, MemberState.UNKNOWN, 0), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findRankCases")
  void TestSystem_Membership_FindRankFromJoinRequest(Case tc) {
    InMemorySystemDb db = new InMemorySystemDb();
    (tc.curMembers() == null ? List.of(CUR, CUR1) : tc.curMembers()).forEach(db::addMember);
    Membership ms = new Membership(db);
    if (tc.expErr() != null) {
      assertError(tc.expErr(), () -> ms.findRankFromJoinRequest(tc.req()));
      return;
    }
    assertEquals(tc.expResp().member().rank(), ms.findRankFromJoinRequest(tc.req()));
  }

  /** Expected error: an exception class, a message substring, or a Fault (code and resolution compared). */
  static void assertError(Object exp, org.junit.jupiter.api.function.Executable call) {
    if (exp instanceof Class<?> c) {
      assertThrows(c.asSubclass(Throwable.class), call);
    } else if (exp instanceof Fault f) {
      Fault got = assertThrows(Fault.class, call);
      assertEquals(f.code(), got.code());
      assertEquals(f.getMessage(), got.getMessage());
      assertEquals(f.resolutionLine(), got.resolutionLine());
    } else {
      RuntimeException got = assertThrows(RuntimeException.class, call);
      org.junit.jupiter.api.Assertions.assertTrue(got.getMessage().contains((String) exp),
          "want \"" + exp + "\" in \"" + got.getMessage() + "\"");
    }
  }
}
