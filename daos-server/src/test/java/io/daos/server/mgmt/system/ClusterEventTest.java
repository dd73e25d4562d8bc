package io.daos.server.mgmt.system;

import static io.daos.server.mgmt.MgmtFixture.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.mgmt.GroupUpdateReq;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.shared.RASEvent;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.system.MemberState;
import io.daos.server.events.RasEventId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_ClusterEvent (server/mgmt_system_test.go), with the leader's membership reactions. */
@DisplayName("TestServer_MgmtSvc_ClusterEvent")
class ClusterEventTest {
  record Case(String name, ClusterEventReq req, String expErr, ClusterEventResp expResp, MemberState expState,
      String expInfo, boolean expGroupUpdate) {
    @Override
    public String toString() {
      return name;
    }
  }

  static RASEvent event(RasEventId id, int rank, long incarnation) {
    return RASEvent.newBuilder().setId(id.number()).setMsg("DAOS engine 0 exited unexpectedly: exit status 1")
        .setHostname("foo").setRank(rank).setIncarnation(incarnation).setType(1).setSeverity(1).build();
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("nil request", null, "nil request", null, MemberState.JOINED, "", false),
        new Case("nil event", ClusterEventReq.newBuilder().setSequence(1).build(), "nil event", null,
            MemberState.JOINED, "", false),
        new Case("successful notification", ClusterEventReq.newBuilder().setSequence(1)
            .setEvent(event(RasEventId.ENGINE_DIED, 1, 1)).build(), null,
            ClusterEventResp.newBuilder().setSequence(1).build(), MemberState.ERRORED,
            "DAOS engine 0 exited unexpectedly: exit status 1", true),
        new Case("swim rank dead", ClusterEventReq.newBuilder().setSequence(7)
            .setEvent(event(RasEventId.SWIM_RANK_DEAD, 1, 1)).build(), null,
            ClusterEventResp.newBuilder().setSequence(7).build(), MemberState.EXCLUDED, "", true),
        new Case("swim rank dead; no incarnation", ClusterEventReq.newBuilder().setSequence(8)
            .setEvent(event(RasEventId.SWIM_RANK_DEAD, 1, 0)).build(), null,
            ClusterEventResp.newBuilder().setSequence(8).build(), MemberState.EXCLUDED, "", true),
        new Case("unrelated event", ClusterEventReq.newBuilder().setSequence(9)
            .setEvent(event(RasEventId.POOL_REBUILD_STARTED, 1, 1)).build(), null,
            ClusterEventResp.newBuilder().setSequence(9).build(), MemberState.JOINED, "", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void clusterEvent(Case tc) throws Exception {
    BlockingQueue<GroupUpdateReq> sent = new LinkedBlockingQueue<>();
    try (MgmtFixture fx = new MgmtFixture(List.of(member(0, 1, "joined"), member(1, 1, "joined")),
        new FakeControlInvoker(), List.of(), r -> {
          sent.add(r);
          return GroupUpdateResp.getDefaultInstance();
        })) {
      ClusterEventResp got = MgmtAsserts.call(tc.expErr(), () -> fx.service.systemHandler().clusterEvent(tc.req()));
      if (tc.expErr() != null) {
        return;
      }
      assertEquals(tc.expResp(), got);
      assertEquals(tc.expState(), fx.membership.get(1).state());
      assertEquals(tc.expInfo(), fx.membership.get(1).info());
      if (tc.expGroupUpdate()) {
        GroupUpdateReq gu = sent.poll(10, TimeUnit.SECONDS);
        assertEquals(fx.db.mapVersion(), gu.getMapVersion());
      } else {
        fx.groupUpdater.request(false).get(10, TimeUnit.SECONDS);
        assertEquals(1, sent.size(), "only the explicit update was sent");
      }
    }
  }
}
