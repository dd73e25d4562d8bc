package io.daos.server.mgmt.system;

import static io.daos.server.mgmt.MgmtFixture.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.mgmt.ClientNetHint;
import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.fanout.MemberProtos;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_SystemQuery (server/mgmt_system_test.go). */
@DisplayName("TestServer_MgmtSvc_SystemQuery")
class SystemQueryTest {
  record Case(String name, boolean emptyDb, String ranks, String hosts, int stateMask, List<String> hints,
      List<Integer> expRanks, String expAbsentRanks, String expAbsentHosts, String expErr, List<String> expProviders) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Member> DEFAULT = List.of(member(0, 1, "errored").withInfo("couldn't ping"),
      member(1, 1, "stopping"), member(2, 2, "unresponsive"), member(3, 2, "joined"), member(4, 3, "starting"),
      member(5, 3, "stopped"));

  static Case ok(String name, String ranks, String hosts, List<Integer> expRanks, String absentRanks,
      String absentHosts) {
    return new Case(name, false, ranks, hosts, 0, List.of(), expRanks, absentRanks, absentHosts, null, List.of());
  }

  static Stream<Case> cases() {
    return Stream.of(
        ok("unfiltered rank results", "", "", List.of(0, 1, 2, 3, 4, 5), "", ""),
        ok("filtered and oversubscribed ranks", "0,2-3,6-9", "", List.of(0, 2, 3), "6-9", ""),
        ok("filtered and oversubscribed hosts", "", "10.0.0.[2-5]", List.of(2, 3, 4, 5), "", "10.0.0.[4-5]"),
        ok("missing hosts", "", "10.0.0.[4-5]", List.of(), "", "10.0.0.[4-5]"),
        new Case("empty membership", true, "", "", 0, List.of(), null, "", "",
            "raft service unavailable (not started yet?)", List.of()),
        new Case("use clientNetHint for providers", false, "", "", 0, List.of("prov1", "prov2", "prov3"),
            List.of(0, 1, 2, 3, 4, 5), "", "", null, List.of("prov1", "prov2", "prov3")),
        new Case("filtered by state mask", false, "", "", MemberState.JOINED.mask() | MemberState.STOPPED.mask(),
            List.of(), List.of(3, 5), "", "", null, List.of()),
        new Case("hosts and ranks both set", false, "1", "10.0.0.1", 0, List.of(), null, "", "",
            "ranklist and hostlist cannot both be set in request", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void systemQuery(Case tc) {
    List<ClientNetHint> hints = tc.hints().stream().map(p -> ClientNetHint.newBuilder().setProvider(p).build())
        .toList();
    MgmtFixture fx = new MgmtFixture(tc.emptyDb() ? List.of() : DEFAULT, new FakeControlInvoker(), hints);
    SystemQueryReq req = SystemQueryReq.newBuilder().setSys(MgmtFixture.SYS).setRanks(tc.ranks())
        .setHosts(tc.hosts()).setStateMask(tc.stateMask()).build();
    SystemQueryResp resp = MgmtAsserts.call(tc.expErr(), () -> fx.service.systemHandler().systemQuery(req));
    if (tc.expErr() != null) {
      return;
    }
    List<SystemMember> exp = DEFAULT.stream().filter(m -> tc.expRanks().contains(m.rank()))
        .map(MemberProtos::toProto).toList();
    assertEquals(exp, resp.getMembersList().stream().map(m -> m.toBuilder().clearLastUpdate().build()).toList());
    assertEquals(tc.expAbsentHosts(), resp.getAbsenthosts(), "absent hosts");
    assertEquals(tc.expAbsentRanks(), resp.getAbsentranks(), "absent ranks");
    assertEquals(tc.expProviders(), resp.getProvidersList(), "providers");
    if (!tc.expRanks().isEmpty()) {
      assertEquals(fx.db.dataVersion(), resp.getDataVersion());
    }
  }
}
