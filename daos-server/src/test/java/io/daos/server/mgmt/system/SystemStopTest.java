package io.daos.server.mgmt.system;

import static io.daos.server.mgmt.MgmtFixture.hr;
import static io.daos.server.mgmt.MgmtFixture.member;
import static io.daos.server.mgmt.MgmtFixture.rankFail;
import static io.daos.server.mgmt.MgmtFixture.rankSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import io.daos.proto.shared.RankResult;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.fanout.HostResponse;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.system.Member;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_SystemStop (server/mgmt_system_test.go). */
@DisplayName("TestServer_MgmtSvc_SystemStop")
class SystemStopTest {
  record Case(String name, SystemStopReq req, List<Member> members, List<List<HostResponse>> resps,
      List<Member> expMembers, List<RankResult> expResults, String expErr, int expInvokeCount,
      String expFanoutRanks) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Member> DEFAULT = List.of(member(0, 1, "joined"), member(1, 1, "joined"), member(3, 2, "joined"));

  static List<Member> expFailed(String action) {
    return List.of(member(0, 1, "errored").withInfo(action + " failed"),
        member(1, 1, MgmtFixture.act2state(action)), member(3, 2, "errored").withInfo(action + " failed"));
  }

  static List<Member> states(String s0, String s1, String s3) {
    return List.of(member(0, 1, s0), member(1, 1, s1), member(3, 2, s3));
  }

  static List<Member> withAdminExcluded(String s0, String s1, String s3) {
    return List.of(member(0, 1, s0), member(1, 1, s1), member(2, 2, "adminexcluded"), member(3, 2, s3));
  }

  static final List<HostResponse> PREP_FAIL = List.of(
      hr(1, rankFail("prep shutdown", 0), rankSuccess("prep shutdown", 1)), hr(2, rankFail("prep shutdown", 3)));
  static final List<HostResponse> PREP_OK = List.of(
      hr(1, rankSuccess("prep shutdown", 0), rankSuccess("prep shutdown", 1)), hr(2, rankSuccess("prep shutdown", 3)));
  static final List<HostResponse> STOP_FAIL = List.of(
      hr(1, rankFail("stop", 0), rankSuccess("stop", 1)), hr(2, rankFail("stop", 3)));
  static final List<HostResponse> STOP_OK = List.of(
      hr(1, rankSuccess("stop", 0), rankSuccess("stop", 1)), hr(2, rankSuccess("stop", 3)));
  static final List<RankResult> RES_STOP_OK = List.of(rankSuccess("stop", 0, 1), rankSuccess("stop", 1, 1),
      rankSuccess("stop", 3, 2));

  static SystemStopReq.Builder req() {
    return SystemStopReq.newBuilder().setSys(MgmtFixture.SYS);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("not system leader", SystemStopReq.newBuilder().setSys("quack").build(), DEFAULT, List.of(),
            null, null, "request system does not match running system (quack != daos_server)", 0, null),
        new Case("prep fail", req().build(), DEFAULT, List.of(PREP_FAIL, STOP_FAIL), expFailed("prep shutdown"),
            List.of(rankFail("prep shutdown", 0, 1), rankSuccess("prep shutdown", 1, 1),
                rankFail("prep shutdown", 3, 2)), null, 1, "0-1,3"),
        new Case("prep success stop fail", req().build(), DEFAULT, List.of(PREP_OK, STOP_FAIL), expFailed("stop"),
            List.of(rankFail("stop", 0, 1), rankSuccess("stop", 1, 1), rankFail("stop", 3, 2)), null, 2, "0-1,3"),
        new Case("stop some ranks", req().setRanks("0,1").setForce(true).build(), DEFAULT,
            List.of(List.of(hr(1, rankSuccess("stop", 0), rankSuccess("stop", 1)))),
            states("stopped", "stopped", "joined"), List.of(rankSuccess("stop", 0, 1), rankSuccess("stop", 1, 1)),
            null, 1, "0-1"),
        new Case("stop with all ranks", req().setRanks("0,1,3").setForce(true).build(), DEFAULT, List.of(STOP_OK),
            states("stopped", "stopped", "stopped"), RES_STOP_OK, null, 1, "0-1,3"),
        new Case("full system stop", req().build(), DEFAULT, List.of(PREP_OK, STOP_OK),
            states("stopped", "stopped", "stopped"), RES_STOP_OK, null, 2, "0-1,3"),
        new Case("full system stop; partial ranks in req", req().setRanks("0,1").build(), DEFAULT,
            List.of(List.of(hr(1, rankSuccess("prep shutdown", 0), rankSuccess("prep shutdown", 1))),
                List.of(hr(1, rankSuccess("stop", 0), rankSuccess("stop", 1)))),
            states("stopped", "stopped", "joined"), List.of(rankSuccess("stop", 0, 1), rankSuccess("stop", 1, 1)),
            null, 2, "0-1"),
        new Case("full system stop (forced)", req().setForce(true).build(), DEFAULT, List.of(STOP_OK),
            states("stopped", "stopped", "stopped"), RES_STOP_OK, null, 1, "0-1,3"),
        new Case("stop with admin-excluded ranks", req().setForce(true).build(),
            withAdminExcluded("joined", "joined", "joined"),
            List.of(List.of(hr(1, rankSuccess("stop", 0)), hr(1, rankSuccess("stop", 1)),
                hr(2, rankSuccess("stop", 3)))),
            withAdminExcluded("stopped", "stopped", "stopped"), RES_STOP_OK, null, 1, "0-1,3"),
        new Case("requested admin-excluded ranks", req().setRanks("1-3").build(),
            withAdminExcluded("joined", "joined", "joined"), List.of(), null, null,
            "rank [2] is administratively excluded", 0, null),
        new Case("requested hosts with admin-excluded ranks", req().setHosts("10.0.0.[1-2]").build(),
            withAdminExcluded("joined", "joined", "joined"), List.of(), null, null,
            "rank [2] is administratively excluded", 0, null),
        new Case("ignore requested admin-excluded ranks",
            req().setRanks("1-3").setForce(true).setIgnoreAdminExcluded(true).build(),
            withAdminExcluded("joined", "joined", "joined"),
            List.of(List.of(hr(1, rankSuccess("stop", 1)), hr(2, rankSuccess("stop", 3)))),
            withAdminExcluded("joined", "stopped", "stopped"),
            List.of(rankSuccess("stop", 1, 1), rankSuccess("stop", 3, 2)), null, 1, "1,3"),
        new Case("ignore requested admin-excluded ranks (hosts)",
            req().setHosts("10.0.0.2").setForce(true).setIgnoreAdminExcluded(true).build(),
            withAdminExcluded("joined", "joined", "joined"), List.of(List.of(hr(2, rankSuccess("stop", 3)))),
            withAdminExcluded("joined", "joined", "stopped"), List.of(rankSuccess("stop", 3, 2)), null, 1, "3"),
        new Case("unresponsive host", req().setForce(true).build(), DEFAULT,
            List.of(List.of(hr(1, rankSuccess("stop", 0), rankSuccess("stop", 1)),
                HostResponse.failed(MgmtFixture.hostAddr(2), new RuntimeException("connection refused")))),
            states("stopped", "stopped", "unresponsive").stream()
                .map(m -> m.rank() == 3 ? m.withInfo("connection refused") : m).toList(),
            List.of(rankSuccess("stop", 0, 1), rankSuccess("stop", 1, 1), RankResult.newBuilder().setRank(3)
                .setAction("stop").setErrored(true).setMsg("connection refused").setState("unresponsive")
                .setAddr(MgmtFixture.hostAddr(2)).build()), null, 1, "0-1,3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void systemStop(Case tc) {
    FakeControlInvoker invoker = new FakeControlInvoker(tc.resps().toArray(List[]::new));
    MgmtFixture fx = new MgmtFixture(tc.members(), invoker);
    SystemStopResp resp = MgmtAsserts.call(tc.expErr(), () -> fx.service.rankControl().systemStop(tc.req()));
    assertEquals(tc.expInvokeCount(), invoker.calls().size(), "fanout requests sent");
    if (tc.expErr() != null) {
      return;
    }
    MgmtAsserts.checkRankResults(tc.expResults(), resp.getResultsList());
    MgmtAsserts.checkMembers(tc.expMembers(), fx.membership);
    assertEquals("", resp.getAbsenthosts());
    assertEquals("", resp.getAbsentranks());
    assertEquals(tc.expFanoutRanks(), invoker.calls().get(0).req().getRanks());
  }
}
