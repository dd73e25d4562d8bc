package io.daos.server.mgmt.system;

import static io.daos.server.mgmt.MgmtFixture.hr;
import static io.daos.server.mgmt.MgmtFixture.member;
import static io.daos.server.mgmt.MgmtFixture.rankFail;
import static io.daos.server.mgmt.MgmtFixture.rankSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStartResp;
import io.daos.proto.shared.RankResult;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.fanout.HostResponse;
import io.daos.server.fanout.RanksMethod;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.system.Member;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_SystemStart (server/mgmt_system_test.go). */
@DisplayName("TestServer_MgmtSvc_SystemStart")
class SystemStartTest {
  record Case(String name, SystemStartReq req, List<Member> members, List<HostResponse> resps,
      List<Member> expMembers, List<RankResult> expResults, String expErr, String expFanoutRanks,
      String expAbsentRanks, String expAbsentHosts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static SystemStartReq.Builder req() {
    return SystemStartReq.newBuilder().setSys(MgmtFixture.SYS);
  }

  static List<Member> four(String s0, String s1, String s2, String s3) {
    return List.of(member(0, 1, s0), member(1, 1, s1), member(2, 2, s2), member(3, 2, s3));
  }

  static Case ok(String name, SystemStartReq req, List<Member> members, List<HostResponse> resps,
      List<Member> expMembers, List<RankResult> expResults, String fanout, String absentRanks, String absentHosts) {
    return new Case(name, req, members, resps, expMembers, expResults, null, fanout, absentRanks, absentHosts);
  }

  static Case err(String name, SystemStartReq req, List<Member> members, String expErr) {
    return new Case(name, req, members, List.of(), null, null, expErr, null, "", "");
  }

  static Stream<Case> cases() {
    List<Member> stopped = four("stopped", "stopped", "stopped", "stopped");
    List<Member> mixed = four("stopped", "joined", "stopped", "stopped");
    List<Member> withAdminExcl = four("stopped", "stopped", "adminexcluded", "stopped");
    return Stream.of(
        err("not system leader", SystemStartReq.newBuilder().setSys("quack").build(), stopped,
            "request system does not match running system (quack != daos_server)"),
        ok("unfiltered rank results", req().build(), stopped,
            List.of(hr(1, rankFail("start", 0), rankSuccess("start", 1)),
                hr(2, rankSuccess("start", 2), rankSuccess("start", 3))),
            List.of(member(0, 1, "errored").withInfo("start failed"), member(1, 1, "ready"), member(2, 2, "ready"),
                member(3, 2, "ready")),
            List.of(rankFail("start", 0, 1), rankSuccess("start", 1, 1), rankSuccess("start", 2, 2),
                rankSuccess("start", 3, 2)), "0-3", "", ""),
        ok("errored ranks that run and are set up are joined again", req().build(),
            four("errored", "joined", "stopped", "errored"),
            List.of(hr(1, rankSuccess("start", 0), rankSuccess("start", 1)),
                hr(2, rankSuccess("start", 2), rankFail("start", 3))),
            List.of(member(0, 1, "joined"), member(1, 1, "joined"), member(2, 2, "ready"), member(3, 2, "errored")),
            List.of(rankSuccess("start", 0, 1), rankSuccess("start", 1, 1), rankSuccess("start", 2, 2),
                rankFail("start", 3, 2)), "0-3", "", ""),
        ok("filtered and oversubscribed ranks", req().setRanks("0-1,4-9").build(), mixed,
            List.of(hr(1, rankFail("start", 0), rankSuccess("start", 1))),
            List.of(member(0, 1, "errored").withInfo("start failed"), member(1, 1, "joined"),
                member(2, 2, "stopped"), member(3, 2, "stopped")),
            List.of(rankFail("start", 0, 1), rankSuccess("start", 1, 1)), "0-1", "4-9", ""),
        ok("filtered and oversubscribed hosts", req().setHosts("10.0.0.[2-5]").build(), mixed,
            List.of(hr(2, rankFail("start", 2), rankSuccess("start", 3))),
            List.of(member(0, 1, "stopped"), member(1, 1, "joined"),
                member(2, 2, "errored").withInfo("start failed"), member(3, 2, "ready")),
            List.of(rankFail("start", 2, 2), rankSuccess("start", 3, 2)), "2-3", "", "10.0.0.[3-5]"),
        ok("filtered hosts", req().setHosts("10.0.0.[1-2]").build(), four("joined", "joined", "stopped", "joined"),
            List.of(hr(1, rankSuccess("start", 0), rankSuccess("start", 1)),
                hr(2, rankSuccess("start", 2), rankSuccess("start", 3))),
            four("joined", "joined", "ready", "joined"),
            List.of(rankSuccess("start", 0, 1), rankSuccess("start", 1, 1), rankSuccess("start", 2, 2),
                rankSuccess("start", 3, 2)), "0-3", "", ""),
        ok("ignore admin-excluded ranks", req().build(), withAdminExcl,
            List.of(hr(1, rankSuccess("start", 0), rankSuccess("start", 1)), hr(2, rankSuccess("start", 3))),
            four("ready", "ready", "adminexcluded", "ready"),
            List.of(rankSuccess("start", 0, 1), rankSuccess("start", 1, 1), rankSuccess("start", 3, 2)),
            "0-1,3", "", ""),
        err("requested admin-excluded ranks", req().setRanks("1-3").build(), withAdminExcl,
            "rank [2] is administratively excluded"),
        err("requested hosts with admin-excluded ranks", req().setHosts("10.0.0.[1-2]").build(), withAdminExcl,
            "rank [2] is administratively excluded"),
        ok("ignore requested admin-excluded ranks", req().setRanks("1-3").setIgnoreAdminExcluded(true).build(),
            withAdminExcl, List.of(hr(1, rankSuccess("start", 1)), hr(2, rankSuccess("start", 3))),
            four("stopped", "ready", "adminexcluded", "ready"),
            List.of(rankSuccess("start", 1, 1), rankSuccess("start", 3, 2)), "1,3", "", ""),
        ok("ignore requested admin-excluded ranks (hosts)",
            req().setHosts("10.0.0.2").setIgnoreAdminExcluded(true).build(), withAdminExcl,
            List.of(hr(2, rankSuccess("start", 3))), four("stopped", "stopped", "adminexcluded", "ready"),
            List.of(rankSuccess("start", 3, 2)), "3", "", ""),
        err("requested only admin-excluded ranks", req().setRanks("1-2").build(),
            four("stopped", "adminexcluded", "adminexcluded", "stopped"), "ranks [1-2] are administratively excluded"),
        err("requested only admin-excluded ranks with ignore", req().setRanks("1-2").setIgnoreAdminExcluded(true)
            .build(), four("stopped", "adminexcluded", "adminexcluded", "stopped"),
            "all requested ranks are administratively excluded"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void systemStart(Case tc) {
    FakeControlInvoker invoker = new FakeControlInvoker(tc.resps());
    MgmtFixture fx = new MgmtFixture(tc.members(), invoker);
    SystemStartResp resp = MgmtAsserts.call(tc.expErr(), () -> fx.service.rankControl().systemStart(tc.req()));
    if (tc.expErr() != null) {
      assertEquals(0, invoker.calls().size(), "no fan-out after a refused request");
      return;
    }
    MgmtAsserts.checkRankResults(tc.expResults(), resp.getResultsList());
    MgmtAsserts.checkMembers(tc.expMembers(), fx.membership);
    assertEquals(tc.expAbsentHosts(), resp.getAbsenthosts(), "absent hosts");
    assertEquals(tc.expAbsentRanks(), resp.getAbsentranks(), "absent ranks");
    assertEquals(1, invoker.calls().size(), "fanout requests sent");
    assertEquals(tc.expFanoutRanks(), invoker.calls().get(0).req().getRanks());
    assertEquals(RanksMethod.START, invoker.calls().get(0).method());
  }
}
