package io.daos.server.mgmt.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.mgmt.ClientNetHint;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TestServer_MgmtSvc_GetAttachInfo (server/mgmt_system_test.go). */
@DisplayName("TestServer_MgmtSvc_GetAttachInfo")
class GetAttachInfoTest {
  static final Member MS_REPLICA = Member.builder().rank(0).uuid(MgmtFixture.mockUuid(0)).addr("127.0.0.1:10001")
      .primaryFabricUri("ofi+tcp://127.0.0.1:31416").primaryFabricContexts(0).state(MemberState.JOINED).build();
  static final Member NON_REPLICA = Member.builder().rank(1).uuid(MgmtFixture.mockUuid(1)).addr("10.0.0.2:10001")
      .primaryFabricUri("ofi+tcp://10.0.0.2:31416").primaryFabricContexts(1).state(MemberState.JOINED).build();

  record Case(String name, ClientNetHint hint, boolean allRanks, List<Member> expRanks) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("Server uses verbs + Infiniband", ClientNetHint.newBuilder().setProvider("ofi+verbs")
            .setCrtTimeout(10).setNetDevClass(32).build(), true, List.of(MS_REPLICA, NON_REPLICA)),
        new Case("Server uses TCP sockets + Ethernet", ClientNetHint.newBuilder().setProvider("ofi+tcp")
            .setCrtTimeout(5).setNetDevClass(1).build(), true, List.of(MS_REPLICA, NON_REPLICA)),
        new Case("older client (AllRanks: false)", ClientNetHint.newBuilder().setProvider("ofi+tcp")
            .setCrtTimeout(5).setNetDevClass(1).build(), false, List.of(MS_REPLICA)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void getAttachInfo(Case tc) {
    try (MgmtFixture fx = new MgmtFixture(List.of(MS_REPLICA, NON_REPLICA), new FakeControlInvoker(),
        List.of(tc.hint()))) {
      GetAttachInfoResp got = fx.service.systemHandler().getAttachInfo(GetAttachInfoReq.newBuilder()
          .setSys(MgmtFixture.SYS).setAllRanks(tc.allRanks()).build());
      GetAttachInfoResp.Builder exp = GetAttachInfoResp.newBuilder().setClientNetHint(tc.hint()).addMsRanks(0)
          .setDataVersion(fx.db.dataVersion()).setSys(MgmtFixture.SYS).setBuildInfo(GetAttachInfoResp.newBuilder()
              .getBuildInfoBuilder().setMajor(2).setMinor(9).setPatch(100).build());
      for (Member m : tc.expRanks()) {
        exp.addRankUrisBuilder().setRank(m.rank()).setUri(m.primaryFabricUri()).setNumCtxs(m.primaryFabricContexts());
      }
      List<GetAttachInfoResp.RankUri> sorted = got.getRankUrisList().stream()
          .sorted(Comparator.comparingInt(GetAttachInfoResp.RankUri::getRank)).toList();
      assertEquals(exp.build(), got.toBuilder().clearRankUris().addAllRankUris(sorted).build());
    }
  }
}
