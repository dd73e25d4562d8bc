package io.daos.server.mgmt.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.daos.proto.mgmt.LeaderQueryReq;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.mgmt.MgmtService;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.system.SystemException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_LeaderQuery (server/mgmt_system_test.go) and DAOS's replica/leader serving rules. */
@DisplayName("TestServer_MgmtSvc_LeaderQuery")
public class LeaderQueryTest {
  record Case(String name, LeaderQueryReq req, String expErr, LeaderQueryResp expResp) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("nil request", null, "nil request", null),
        new Case("wrong system", LeaderQueryReq.newBuilder().setSys("quack").build(),
            "request system does not match running system (quack != daos_server)", null),
        new Case("successful query", LeaderQueryReq.newBuilder().setSys(MgmtFixture.SYS).build(), null,
            LeaderQueryResp.newBuilder().setCurrentLeader("127.0.0.1:10001").addReplicas("127.0.0.1:10001").build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void leaderQuery(Case tc) {
    try (MgmtFixture fx = new MgmtFixture(List.of(), new FakeControlInvoker())) {
      LeaderQueryResp got = MgmtAsserts.call(tc.expErr(), () -> fx.service.systemHandler().leaderQuery(tc.req()));
      if (tc.expErr() == null) {
        assertEquals(tc.expResp(), got);
      }
    }
  }

  public static MgmtService service(MsAccess access) {
    return new MgmtService(MsContext.builder().access(access).invoker(new FakeControlInvoker()).build());
  }

  @Test
  void nonReplicaRedirectsToReplicas() {
    MgmtService svc = service(new MsAccess(MgmtFixture.SYS, List.of("10.0.0.9:10001"), false));
    LeaderQueryReq req = LeaderQueryReq.newBuilder().setSys(MgmtFixture.SYS).build();
    NotReplicaException e = assertThrows(NotReplicaException.class, () -> svc.systemHandler().leaderQuery(req));
    assertEquals(List.of("10.0.0.9:10001"), e.replicas());
    assertThrows(NotReplicaException.class, () -> svc.systemHandler()
        .systemQuery(SystemQueryReq.newBuilder().setSys(MgmtFixture.SYS).build()));
  }

  @Test
  void replicaWithoutDatabaseIsUnavailable() {
    MsAccess access = new MsAccess(MgmtFixture.SYS, List.of("127.0.0.1:10001"), true);
    MgmtService svc = service(access);
    LeaderQueryResp resp = svc.systemHandler().leaderQuery(LeaderQueryReq.newBuilder().setSys(MgmtFixture.SYS).build());
    assertEquals("", resp.getCurrentLeader());
    SystemException e = assertThrows(SystemException.class, () -> svc.systemHandler()
        .systemQuery(SystemQueryReq.newBuilder().setSys(MgmtFixture.SYS).build()));
    assertEquals(SystemException.Kind.RAFT_UNAVAILABLE, e.kind());
  }

  @Test
  void replicaAwaitingFormatSaysUninitializedAndWhatToDo() {
    MsAccess access = new MsAccess(MgmtFixture.SYS, List.of("127.0.0.1:10001"), true);
    access.awaitingFormat(() -> true);
    MgmtService svc = service(access);
    io.daos.common.fault.Fault f = assertThrows(io.daos.common.fault.Fault.class, () -> svc.systemHandler()
        .systemQuery(SystemQueryReq.newBuilder().setSys(MgmtFixture.SYS).build()));
    assertEquals("system is uninitialized (storage format required?)", f.description());
    assertTrue(f.resolution().contains("dmg storage format"), f.resolution());
    assertTrue(!io.daos.control.errors.MsErrors.isUnavailable(f), "clients must not retry it");
  }

  @Test
  void nonLeaderRedirectsLeaderOnlyRequests() {
    try (MgmtFixture fx = new MgmtFixture(List.of(MgmtFixture.member(0, 1, "joined")), new FakeControlInvoker())) {
      fx.db.setLeader(false);
      NotLeaderException e = assertThrows(NotLeaderException.class, () -> fx.service.rankControl()
          .systemStop(SystemStopReq.newBuilder().setSys(MgmtFixture.SYS).build()));
      assertEquals(List.of("127.0.0.1:10001"), e.replicas());
      assertEquals(1, fx.service.systemHandler().systemQuery(SystemQueryReq.newBuilder().setSys(MgmtFixture.SYS)
          .build()).getMembersCount(), "any replica serves SystemQuery");
      assertEquals(0, fx.invoker.calls().size());
    }
  }
}
