package io.daos.server.mgmt.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.ranklist.RankSet;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.proto.drpc.Status;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolDrainResp;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.SystemDrainReq;
import io.daos.proto.mgmt.SystemDrainResp;
import io.daos.proto.mgmt.SystemRebuildManageReq;
import io.daos.proto.mgmt.SystemRebuildManageResp;
import io.daos.server.mgmt.MgmtFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DAOS TestServer_MgmtSvc_SystemDrain and SystemRebuildManage, with the engine's dRPC faked. */
class SystemPoolHandlerTest {
  private static final String SYS = MgmtFixture.SYS;

  @Test
  void TestServer_MgmtSvc_SystemDrain_ranksInPool() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_QUERY, PoolQueryResp.newBuilder().setEnabledRanks("0-3").build());
      f.engines.answer(DrpcMethod.MGMT_POOL_DRAIN, PoolDrainResp.getDefaultInstance());
      SystemDrainResp r = f.service.systemPoolHandler().systemDrain(SystemDrainReq.newBuilder().setSys(SYS)
          .setRanks("1-2,4").build());
      assertEquals(1, r.getResponsesCount());
      assertEquals("tank", r.getResponses(0).getId());
      assertEquals(List.of(1, 2), r.getResponses(0).getResultsList().stream().map(x -> x.getRank()).toList(),
          "rank 4 is not in the pool");
      assertTrue(r.getResponses(0).getResultsList().stream().noneMatch(x -> x.getErrored()));
      assertEquals(2, PoolDrainReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_DRAIN)).getRank());
    }
  }

  @Test
  void TestServer_MgmtSvc_SystemDrain_reintNoDisabledRanks() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_QUERY, PoolQueryResp.newBuilder().setEnabledRanks("0-3").build());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.service
          .systemPoolHandler().systemDrain(SystemDrainReq.newBuilder().setSys(SYS).setRanks("1").setReint(true)
              .build()));
      assertEquals("no pool-ranks found to operate on with request params", e.getMessage());
    }
  }

  @Test
  void TestServer_MgmtSvc_SystemDrain_adminExcludedAndMissing() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.membership.adminExclude(RankSet.ofInts(List.of(3)));
      Fault e = assertThrows(Fault.class, () -> f.service.systemPoolHandler().systemDrain(SystemDrainReq
          .newBuilder().setSys(SYS).setRanks("3").setReint(true).build()));
      assertEquals(FaultCode.SERVER_RANK_ADMIN_EXCLUDED, e.code());
      IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> f.service
          .systemPoolHandler().systemDrain(SystemDrainReq.newBuilder().setSys(SYS).setRanks("9").build()));
      assertEquals("invalid rank(s): 9", m.getMessage());
      assertThrows(IllegalArgumentException.class, () -> f.service.systemPoolHandler().systemDrain(
          SystemDrainReq.newBuilder().setSys(SYS).build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_SystemRebuildManage_engineWithoutMethod() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.failure = new DrpcStatusException(DrpcMethod.MGMT_POOL_REBUILD_STOP, Status.UNKNOWN_METHOD);
      SystemRebuildManageResp r = f.service.systemPoolHandler().systemRebuildManage(SystemRebuildManageReq
          .newBuilder().setSys(SYS).setOpCode(2).build());
      assertEquals(1, r.getResultsCount());
      assertTrue(r.getResults(0).getErrored());
      assertTrue(r.getResults(0).getMsg().startsWith("pool-rebuild stop failed: the engine does not implement dRPC "
          + "MGMT_POOL_REBUILD_STOP(251)"), r.getResults(0).getMsg());
      r = f.service.systemPoolHandler().systemRebuildManage(SystemRebuildManageReq.newBuilder().setSys(SYS)
          .setOpCode(1).setForce(true).build());
      assertEquals("force flag not supported with pool-rebuild opcode start", r.getResults(0).getMsg());
    }
  }
}
