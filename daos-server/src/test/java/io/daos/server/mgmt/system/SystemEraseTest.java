package io.daos.server.mgmt.system;

import static io.daos.server.mgmt.MgmtFixture.hr;
import static io.daos.server.mgmt.MgmtFixture.member;
import static io.daos.server.mgmt.MgmtFixture.rankFail;
import static io.daos.server.mgmt.MgmtFixture.rankSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.FakeTicker;
import io.daos.control.errors.NotLeaderException;
import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.proto.shared.RankResult;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.fanout.HostResponse;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.mgmt.svc.LocalEraser;
import io.daos.server.system.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_SystemErase (server/mgmt_system_test.go), plus the replicas' erasure. */
@DisplayName("TestServer_MgmtSvc_SystemErase")
class SystemEraseTest {
  record Case(String name, boolean nilReq, List<Member> members, List<HostResponse> resps,
      List<Member> expMembers, List<RankResult> expResults, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String RF = "reset format";

  /** Records what the handler asked this server to erase. */
  static final class FakeEraser implements LocalEraser {
    final List<String> calls = new ArrayList<>();

    @Override
    public void resetEngines() {
      calls.add("resetEngines");
    }

    @Override
    public void eraseDatabase() {
      calls.add("eraseDatabase");
    }
  }

  static Stream<Case> cases() {
    List<Member> mixed = List.of(member(0, 1, "stopped"), member(1, 1, "joined"), member(2, 2, "stopped"),
        member(3, 2, "stopped"));
    return Stream.of(
        new Case("nil req", true, List.of(), List.of(), null, null, "nil request"),
        new Case("unfiltered rank results", false, List.of(member(0, 1, "stopped"), member(1, 1, "stopped"),
            member(2, 2, "stopped"), member(3, 2, "stopped")),
            List.of(hr(1, rankFail(RF, 0), rankSuccess(RF, 1)), hr(2, rankSuccess(RF, 2), rankSuccess(RF, 3))),
            List.of(member(0, 1, "stopped"), member(1, 1, "awaitformat"), member(2, 2, "awaitformat"),
                member(3, 2, "awaitformat")),
            List.of(rankFail(RF, 0, 1), rankSuccess(RF, 1, 1), rankSuccess(RF, 2, 2), rankSuccess(RF, 3, 2)), null),
        new Case("filtered and oversubscribed ranks", false, mixed,
            List.of(hr(1, rankFail(RF, 0), rankSuccess(RF, 1))),
            List.of(member(0, 1, "stopped"), member(1, 1, "awaitformat"), member(2, 2, "stopped"),
                member(3, 2, "stopped")),
            List.of(rankFail(RF, 0, 1), rankSuccess(RF, 1, 1)), null),
        new Case("filtered and oversubscribed hosts", false, mixed,
            List.of(hr(2, rankFail(RF, 2), rankSuccess(RF, 3))),
            List.of(member(0, 1, "stopped"), member(1, 1, "joined"), member(2, 2, "stopped"),
                member(3, 2, "awaitformat")),
            List.of(rankFail(RF, 2, 2), rankSuccess(RF, 3, 2)), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void systemErase(Case tc) {
    FakeEraser eraser = new FakeEraser();
    MgmtFixture fx = new MgmtFixture(tc.members(), new FakeControlInvoker(tc.resps()), List.of(), null, eraser);
    SystemEraseReq req = tc.nilReq() ? null : SystemEraseReq.newBuilder().setSys(MgmtFixture.SYS).build();
    SystemEraseResp resp = MgmtAsserts.call(tc.expErr(), () -> fx.service.eraseHandler().systemErase(req));
    if (tc.expErr() != null) {
      return;
    }
    MgmtAsserts.checkRankResults(tc.expResults(), resp.getResultsList());
    MgmtAsserts.checkMembers(tc.expMembers(), fx.membership);
    assertEquals(List.of(), eraser.calls, "a failed rank reset keeps the database");
  }

  @Test
  void leaderErasesPeersThenItself() {
    FakeEraser eraser = new FakeEraser();
    List<String> erased = new ArrayList<>();
    FakeControlInvoker invoker = new FakeControlInvoker(List.of(hr(1, rankSuccess(RF, 0)))) {
      @Override
      public HostResponse systemErase(String host, String sys, java.time.Duration deadline) {
        erased.add(host + " " + sys);
        return HostResponse.failed(host, new RuntimeException("connection refused"));
      }
    };
    MgmtFixture fx = new MgmtFixture(List.of(member(0, 1, "stopped")), invoker, List.of(), null, eraser,
        List.of("127.0.0.1:10001", "10.0.0.2:10001"));
    SystemEraseResp resp = fx.service.eraseHandler().systemErase(
        SystemEraseReq.newBuilder().setSys(MgmtFixture.SYS).build());
    MgmtAsserts.checkRankResults(List.of(rankSuccess(RF, 0, 1)), resp.getResultsList());
    assertEquals(List.of("0"), invoker.calls().stream().map(c -> c.req().getRanks()).toList());
    assertEquals(List.of("10.0.0.2:10001 " + MgmtFixture.SYS), erased, "the other replica, unreachable, skipped");
    assertEquals(List.of("eraseDatabase"), eraser.calls);
  }

  @Test
  void leaderAsksAPeerAgainUntilItKnowsTheRanksAwaitFormat() {
    List<String> erased = new ArrayList<>();
    FakeControlInvoker invoker = new FakeControlInvoker(List.of(hr(1, rankSuccess(RF, 0)))) {
      @Override
      public HostResponse systemErase(String host, String sys, java.time.Duration deadline) {
        erased.add(host);
        return erased.size() < 3 ? HostResponse.failed(host, new NotLeaderException("127.0.0.1:10001", List.of()))
            : HostResponse.ok(host, io.daos.proto.ctl.RanksResp.getDefaultInstance());
      }
    };
    MgmtFixture fx = new MgmtFixture(List.of(member(0, 1, "stopped")), invoker, List.of(), null, new FakeEraser(),
        List.of("127.0.0.1:10001", "10.0.0.2:10001"));
    FakeTicker ticker = new FakeTicker();
    new EraseHandler(fx.ctx, ticker).systemErase(SystemEraseReq.newBuilder().setSys(MgmtFixture.SYS).build());
    assertEquals(List.of("10.0.0.2:10001", "10.0.0.2:10001", "10.0.0.2:10001"), erased);
    assertEquals(2, ticker.pauses(), "one 200 ms pause before each retry");
  }

  @Test
  void replicaNotLeaderErasesItselfOnceEveryRankAwaitsFormat() {
    FakeEraser eraser = new FakeEraser();
    FakeControlInvoker invoker = new FakeControlInvoker();
    MgmtFixture fx = new MgmtFixture(List.of(member(0, 1, "awaitformat")), invoker, List.of(), null, eraser);
    fx.db.setLeader(false);
    SystemEraseResp resp = fx.service.eraseHandler().systemErase(
        SystemEraseReq.newBuilder().setSys(MgmtFixture.SYS).build());
    assertEquals(0, resp.getResultsCount());
    assertEquals(List.of(), invoker.calls(), "no fan-out from a follower");
    assertEquals(List.of("resetEngines", "eraseDatabase"), eraser.calls);
  }

  @Test
  void replicaNotLeaderRedirectsWhileTheLeaderHasNotResetTheRanks() {
    FakeEraser eraser = new FakeEraser();
    FakeControlInvoker invoker = new FakeControlInvoker();
    MgmtFixture fx = new MgmtFixture(List.of(member(0, 1, "stopped")), invoker, List.of(), null, eraser);
    fx.db.setLeader(false);
    assertThrows(NotLeaderException.class, () -> fx.service.eraseHandler().systemErase(
        SystemEraseReq.newBuilder().setSys(MgmtFixture.SYS).build()));
    assertEquals(List.of(), invoker.calls(), "no fan-out from a follower");
    assertEquals(List.of(), eraser.calls, "a follower erased itself before the leader's fan-out");
  }

  @Test
  void wrongSystem() {
    MgmtFixture fx = new MgmtFixture(List.of(), new FakeControlInvoker());
    MgmtAsserts.call("request system does not match running system (quack != daos_server)",
        () -> fx.service.eraseHandler().systemErase(SystemEraseReq.newBuilder().setSys("quack").build()));
  }
}
