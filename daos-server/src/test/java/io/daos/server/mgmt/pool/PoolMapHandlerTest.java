package io.daos.server.mgmt.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.PoolNotFoundException;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.proto.drpc.Status;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolDrainResp;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExcludeResp;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolRebuildStartReq;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolReintResp;
import io.daos.proto.mgmt.PoolSelfHealEvalReq;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.sysdb.PoolService;
import io.daos.common.ranklist.RankSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DAOS TestServer_MgmtSvc_PoolExclude / PoolDrain / PoolReintegrate / PoolExtend and the pool rebuild and
 * self-heal calls: the checks before the dRPC, and the dRPC (method, UUID, service ranks, storage) the engine gets.
 * The fake stands at the engine's dRPC; pool "tank" is on ranks 0-3 with service ranks 0-2.
 */
class PoolMapHandlerTest {
  private static final String SYS = MgmtFixture.SYS;

  /** The engine's pool map: ranks 0-3 (rank 3 disabled) unless a test set another. */
  private static PoolMapHandler h(MgmtFixture f) {
    if (!f.engines.answers.containsKey(DrpcMethod.MGMT_POOL_QUERY)) {
      f.engines.answer(DrpcMethod.MGMT_POOL_QUERY, PoolQueryResp.newBuilder().setEnabledRanks("0-2")
          .setDisabledRanks("3").build());
    }
    return f.service.poolMapHandler();
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_success() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EXCLUDE, PoolExcludeResp.getDefaultInstance());
      PoolExcludeResp r = h(f).poolExclude(PoolExcludeReq.newBuilder().setSys(SYS).setId("tank").setRank(2)
          .addTargetIdx(1).addTargetIdx(3).setForce(true).build());
      assertEquals(0, r.getStatus());
      PoolExcludeReq sent = PoolExcludeReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_EXCLUDE));
      assertEquals(PoolCreateTest.UUID1, sent.getId(), "the label resolves to the UUID");
      assertEquals(2, sent.getRank());
      assertEquals(List.of(1, 3), sent.getTargetIdxList());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
      assertTrue(sent.getForce());
      assertEquals(List.of(List.of(0, 1, 2)), f.engines.preferred(DrpcMethod.MGMT_POOL_EXCLUDE));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_engineStatusPassedBack() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EXCLUDE, PoolExcludeResp.newBuilder()
          .setStatus(DaosStatus.BUSY.code()).build());
      assertEquals(DaosStatus.BUSY.code(), h(f).poolExclude(PoolExcludeReq.newBuilder().setSys(SYS).setId("tank")
          .setRank(1).build()).getStatus());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_missingRank() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      Fault e = assertThrows(Fault.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder().setSys(SYS)
          .setId("tank").setRank(9).build()));
      assertEquals(FaultCode.SERVER_POOL_INVALID_RANKS, e.code());
      assertTrue(e.getMessage().contains("invalid rank: 9"), e.getMessage());
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_EXCLUDE).isEmpty(), "no dRPC");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_rankNotInPool() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      DaosException e = assertThrows(DaosException.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder()
          .setSys(SYS).setId("tank").setRank(4).build()));
      assertEquals(DaosStatus.NONEXIST, e.status());
      assertTrue(e.getMessage().contains("rank 4 is not a rank of pool tank (its ranks: 0-3)"), e.getMessage());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_badTargetIdx() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      DaosException e = assertThrows(DaosException.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder()
          .setSys(SYS).setId("tank").setRank(1).addTargetIdx(2).addTargetIdx(8).build()));
      assertEquals(DaosStatus.INVAL, e.status());
      assertTrue(e.getMessage().contains("invalid target index 8: each rank has 8 targets (0-7)"), e.getMessage());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_unknownPool() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(PoolNotFoundException.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder().setSys(SYS)
          .setId("nope").setRank(1).build()));
      assertThrows(PoolNotFoundException.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder().setSys(SYS)
          .setId(UUID.randomUUID().toString()).setRank(1).build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_wrongSystem() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(Fault.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder().setSys("other")
          .setId("tank").setRank(1).build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDrain_success() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_DRAIN, PoolDrainResp.getDefaultInstance());
      assertEquals(0, h(f).poolDrain(PoolDrainReq.newBuilder().setSys(SYS).setId(PoolCreateTest.UUID1).setRank(3)
          .build()).getStatus());
      PoolDrainReq sent = PoolDrainReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_DRAIN));
      assertEquals(3, sent.getRank());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
      assertTrue(sent.getTargetIdxList().isEmpty(), "no target list: every target of the rank");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDrain_missingRank() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      Fault e = assertThrows(Fault.class, () -> h(f).poolDrain(PoolDrainReq.newBuilder().setSys(SYS)
          .setId("tank").setRank(7).build()));
      assertEquals(FaultCode.SERVER_POOL_INVALID_RANKS, e.code());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolReintegrate_success() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_REINT, PoolReintResp.getDefaultInstance());
      assertEquals(0, h(f).poolReintegrate(PoolReintReq.newBuilder().setSys(SYS).setId("tank").setRank(1)
          .addTargetIdx(0).build()).getStatus());
      PoolReintReq sent = PoolReintReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_REINT));
      PoolService ps = f.db.findPoolServiceByLabel("tank").orElseThrow();
      assertEquals(ps.storage().perRankTierStorage(), sent.getTierBytesList(), "the pool's per-rank sizes");
      assertEquals(List.of(0), sent.getTargetIdxList());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolReintegrate_adminExcludedRank() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.membership.adminExclude(RankSet.ofInts(List.of(2)));
      Fault e = assertThrows(Fault.class, () -> h(f).poolReintegrate(PoolReintReq.newBuilder().setSys(SYS)
          .setId("tank").setRank(2).build()));
      assertEquals(FaultCode.SERVER_RANK_ADMIN_EXCLUDED, e.code());
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_REINT).isEmpty(), "no dRPC");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExtend_success() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.membership.add(MgmtFixture.member(5, 3, "joined"));
      f.engines.answer(DrpcMethod.MGMT_POOL_EXTEND, PoolExtendResp.getDefaultInstance());
      assertEquals(0, h(f).poolExtend(PoolExtendReq.newBuilder().setSys(SYS).setId("tank").addRanks(5).build())
          .getStatus());
      PoolExtendReq sent = PoolExtendReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_EXTEND));
      assertEquals(List.of(5), sent.getRanksList());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
      assertTrue(sent.getFaultDomainsCount() > 0, "the new ranks' fault domain tree");
      PoolService ps = f.db.findPoolServiceByLabel("tank").orElseThrow();
      assertEquals(ps.storage().perRankTierStorage(), sent.getTierBytesList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExtend_rankNotJoined() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      Fault e = assertThrows(Fault.class, () -> h(f).poolExtend(PoolExtendReq.newBuilder().setSys(SYS)
          .setId("tank").addRanks(4).build()));
      assertEquals(FaultCode.SERVER_POOL_INVALID_RANKS, e.code(), "rank 4 is stopped");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExtend_rankAlreadyInPool() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      DaosException e = assertThrows(DaosException.class, () -> h(f).poolExtend(PoolExtendReq.newBuilder()
          .setSys(SYS).setId("tank").addRanks(1).build()));
      assertEquals(DaosStatus.ALREADY, e.status());
      assertTrue(e.getMessage().contains("already has rank 1"), e.getMessage());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExtend_rankAddedEarlierIsInPool() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.membership.add(MgmtFixture.member(5, 3, "joined"));
      f.engines.answer(DrpcMethod.MGMT_POOL_QUERY, PoolQueryResp.newBuilder().setEnabledRanks("0-3,5").build());
      f.engines.answer(DrpcMethod.MGMT_POOL_DRAIN, PoolDrainResp.getDefaultInstance());
      assertEquals(0, h(f).poolDrain(PoolDrainReq.newBuilder().setSys(SYS).setId("tank").setRank(5).build())
          .getStatus(), "the pool map, not the creation ranks, says which ranks are the pool's");
      assertThrows(DaosException.class, () -> h(f).poolExtend(PoolExtendReq.newBuilder().setSys(SYS)
          .setId("tank").addRanks(5).build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolRebuildStartStop() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_REBUILD_START, DaosResp.getDefaultInstance());
      f.engines.answer(DrpcMethod.MGMT_POOL_REBUILD_STOP, DaosResp.newBuilder().setStatus(-1005).build());
      assertEquals(0, h(f).poolRebuildStart(PoolRebuildStartReq.newBuilder().setSys(SYS).setId("tank").build())
          .getStatus());
      assertEquals(-1005, h(f).poolRebuildStop(PoolRebuildStopReq.newBuilder().setSys(SYS).setId("tank")
          .setForce(true).build()).getStatus());
      PoolRebuildStopReq sent = PoolRebuildStopReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_REBUILD_STOP));
      assertTrue(sent.getForce());
      assertEquals(PoolCreateTest.UUID1, sent.getId());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolSelfHealEval_engineWithoutMethod() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.failure = new DrpcStatusException(DrpcMethod.MGMT_POOL_SELF_HEAL_EVAL, Status.UNKNOWN_METHOD);
      DaosException e = assertThrows(DaosException.class, () -> h(f).poolSelfHealEval(PoolSelfHealEvalReq
          .newBuilder().setSys(SYS).setId("tank").setSysPropVal("exclude").build()));
      assertEquals(DaosStatus.NOTSUPPORTED, e.status());
      assertTrue(e.getMessage().contains("the engine does not implement dRPC MGMT_POOL_SELF_HEAL_EVAL(252)"),
          e.getMessage());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolExclude_notLeader() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.db.setLeader(false);
      assertThrows(NotLeaderException.class, () -> h(f).poolExclude(PoolExcludeReq.newBuilder().setSys(SYS)
          .setId("tank").setRank(1).build()));
    }
  }
}
