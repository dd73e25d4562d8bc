package io.daos.server.mgmt.system;

import static io.daos.server.mgmt.MgmtFixture.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.daos.proto.mgmt.GroupUpdateReq;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.mgmt.MgmtAsserts;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.system.Member;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_Join (server/mgmt_system_test.go). */
@DisplayName("TestServer_MgmtSvc_Join")
class JoinTest {
  static final Member CUR = member(0, 0, "excluded");
  static final Member NEW = member(1, 1, "joined");
  static final int NIL = Member.NIL_RANK;

  record Case(String name, UnaryOperator<JoinReq.Builder> req, String expErr, JoinResp expResp,
      GroupUpdateReq expGu) {
    @Override
    public String toString() {
      return name;
    }
  }

  static JoinResp resp(int rank, String fd) {
    return JoinResp.newBuilder().setRank(rank).setState(JoinResp.State.IN).setMapVersion(2).setFaultDomain(fd)
        .build();
  }

  static GroupUpdateReq gu(int rank, String uri, long incarnation) {
    GroupUpdateReq.Builder b = GroupUpdateReq.newBuilder().setMapVersion(3);
    b.addEnginesBuilder().setRank(rank).setUri(uri).setIncarnation(incarnation);
    return b.build();
  }

  static Stream<Case> cases() {
    String curAddr = CUR.addr();
    String curUuid = CUR.uuid().toString();
    return Stream.of(
        new Case("bad sys", r -> r.setSys("bad sys"), "bad sys", null, null),
        new Case("bad uuid", r -> r.setUuid("bad uuid"), "bad uuid", null, null),
        new Case("bad fault domain", r -> r.setSrvFaultDomain("bad fault domain"), "invalid fault domain", null, null),
        new Case("dupe host same rank diff uuid", r -> r.setAddr(curAddr).setRank(0)
            .setUuid(MgmtFixture.mockUuid(5).toString()), "uuid changed", null, null),
        new Case("dupe host diff rank same uuid", r -> r.setAddr(curAddr).setRank(22).setUuid(curUuid),
            "already exists", null, null),
        new Case("dupe host addr changed", r -> r.setAddr(NEW.addr()).setRank(0).setUuid(curUuid),
            "control address changed", null, null),
        new Case("rejoining host", r -> r.setAddr(curAddr).setRank(0).setUuid(curUuid)
            .setIncarnation(CUR.incarnation() + 1).setUri(CUR.primaryFabricUri()), null,
            resp(0, NEW.faultDomain().toString()), gu(0, CUR.primaryFabricUri(), CUR.incarnation() + 1)),
        new Case("rejoining host; NilRank", r -> r.setAddr(curAddr).setRank(NIL).setUuid(curUuid)
            .setIncarnation(CUR.incarnation() + 1).setUri(CUR.primaryFabricUri()), null,
            resp(0, NEW.faultDomain().toString()), gu(0, CUR.primaryFabricUri(), CUR.incarnation() + 1)),
        new Case("provider doesn't match", r -> r.setAddr(curAddr).setRank(0).setUuid(curUuid)
            .setUri("verbs://" + NEW.addr()).setIncarnation(CUR.incarnation() + 1), "does not match", null, null),
        new Case("new host (non local)", r -> r.setAddr(curAddr).setRank(NIL).setIncarnation(NEW.incarnation()),
            null, resp(1, NEW.faultDomain().toString()), gu(1, NEW.primaryFabricUri(), NEW.incarnation())),
        new Case("new host (peer address)", r -> r.setAddr("0.0.0.0:10001").setRank(NIL)
            .setIncarnation(NEW.incarnation()), null, resp(1, NEW.faultDomain().toString()),
            gu(1, NEW.primaryFabricUri(), NEW.incarnation())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void join(Case tc) throws Exception {
    BlockingQueue<GroupUpdateReq> sent = new LinkedBlockingQueue<>();
    MgmtFixture fx = new MgmtFixture(List.of(CUR), new FakeControlInvoker(), List.of(), req -> {
      sent.add(req);
      return GroupUpdateResp.getDefaultInstance();
    });
    JoinReq.Builder b = JoinReq.newBuilder().setSys(MgmtFixture.SYS).setUuid(NEW.uuid().toString())
        .setAddr(NEW.addr()).setUri(NEW.primaryFabricUri()).setSrvFaultDomain(NEW.faultDomain().toString())
        .setNctxs(NEW.primaryFabricContexts()).setIncarnation(NEW.incarnation());
    JoinReq req = tc.req().apply(b).build();
    try (fx) {
      JoinResp got = MgmtAsserts.call(tc.expErr(), () -> fx.service.joinHandler().join(req, "10.0.0.0"));
      if (tc.expErr() != null) {
        return;
      }
      assertEquals(32, got.getFabricKey().size(), "the reply carries the system's CART-J peer key");
      assertEquals(tc.expResp(), got.toBuilder().clearFabricKey().build());
      GroupUpdateReq gotGu = sent.poll(10, TimeUnit.SECONDS);
      assertNotNull(gotGu, "group update sent");
      assertEquals(tc.expGu(), gotGu);
    }
  }

  /** jdaos: the MS creates the system's CART-J peer key once; every join reply carries the same one, kept hidden. */
  @org.junit.jupiter.api.Test
  void everyJoinGetsTheSameSystemKey() throws Exception {
    MgmtFixture fx = new MgmtFixture(List.of(CUR), new FakeControlInvoker(), List.of(),
        req -> GroupUpdateResp.getDefaultInstance());
    try (fx) {
      JoinResp first = fx.service.joinHandler().join(joinReq(NEW), "10.0.0.0");
      JoinResp again = fx.service.joinHandler().join(joinReq(CUR).toBuilder().setIncarnation(CUR.incarnation() + 1)
          .build(), "10.0.0.0");
      assertEquals(first.getFabricKey(), again.getFabricKey());
      assertEquals(FabricKey.SIZE, first.getFabricKey().size());
      org.junit.jupiter.api.Assertions.assertTrue(io.daos.server.system.SystemProperties.isReservedKey(FabricKey.ATTR),
          "dmg system get-attr/set-attr never show or change it");
    }
  }

  private static JoinReq joinReq(Member m) {
    return JoinReq.newBuilder().setSys(MgmtFixture.SYS).setUuid(m.uuid().toString()).setRank(m.rank())
        .setAddr(m.addr()).setUri(m.primaryFabricUri()).setSrvFaultDomain(m.faultDomain().toString())
        .setNctxs(m.primaryFabricContexts()).setIncarnation(m.incarnation()).build();
  }
}
