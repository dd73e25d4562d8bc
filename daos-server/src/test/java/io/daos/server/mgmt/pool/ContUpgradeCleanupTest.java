package io.daos.server.mgmt.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosStatus;
import io.daos.control.errors.PoolNotFoundException;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolUpgradeReq;
import io.daos.proto.mgmt.SystemCleanupReq;
import io.daos.proto.mgmt.SystemCleanupResp;
import io.daos.server.mgmt.MgmtFixture;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DAOS TestMgmt_ListContainers, TestServer_MgmtSvc_PoolUpgrade and the server side of TestControl_SystemCleanup:
 * each is one call to the pool service per pool, carrying the MS record's UUID and service ranks.
 */
class ContUpgradeCleanupTest {
  private static final String SYS = MgmtFixture.SYS;
  private static final List<ListContResp.Cont> CONTS = List.of(
      ListContResp.Cont.newBuilder().setUuid("56781234-5678-5678-5678-123456789abc").build(),
      ListContResp.Cont.newBuilder().setUuid("67812345-6781-6781-6781-123456789abc").build());

  private static ListContReq listReq(String id) {
    return ListContReq.newBuilder().setSys(SYS).setId(id).build();
  }

  @Test
  void TestMgmt_ListContainers_successMultipleContainers() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_LIST_CONTAINERS, ListContResp.newBuilder().addAllContainers(CONTS).build());
      ListContResp r = f.service.poolSvcHandler().listContainers(listReq("tank"));
      assertEquals(CONTS, r.getContainersList());
      ListContReq sent = ListContReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_LIST_CONTAINERS));
      assertEquals(PoolCreateTest.UUID1, sent.getId(), "the label resolves to the pool's UUID");
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
    }
  }

  @Test
  void TestMgmt_ListContainers_successZeroContainers() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_LIST_CONTAINERS, ListContResp.getDefaultInstance());
      assertEquals(0, f.service.poolSvcHandler().listContainers(listReq(PoolCreateTest.UUID1)).getContainersCount());
    }
  }

  @Test
  void TestMgmt_ListContainers_poolSvcNotFoundAndDrpcError() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(PoolNotFoundException.class, () -> f.service.poolSvcHandler().listContainers(listReq("fake")));
      f.engines.failure = new IOException("mock drpc");
      RuntimeException e = assertThrows(RuntimeException.class,
          () -> f.service.poolSvcHandler().listContainers(listReq("tank")));
      assertTrue(String.valueOf(e.getMessage()).contains("mock drpc"), e.getMessage());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolUpgrade_successfulUpgraded() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      DaosResp r = f.service.poolSvcHandler().poolUpgrade(PoolUpgradeReq.newBuilder().setSys(SYS).setId("tank")
          .build());
      assertEquals(0, r.getStatus());
      PoolUpgradeReq sent = PoolUpgradeReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_UPGRADE));
      assertEquals(PoolCreateTest.UUID1, sent.getId());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolUpgrade_missingUuidWrongSystemNotLeader() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> f.service.poolSvcHandler().poolUpgrade(PoolUpgradeReq.newBuilder().setSys(SYS).build()));
      assertEquals("empty pool id", e.getMessage());
      assertThrows(RuntimeException.class, () -> f.service.poolSvcHandler().poolUpgrade(PoolUpgradeReq.newBuilder()
          .setSys("bad").setId("tank").build()));
      f.db.setLeader(false);
      assertThrows(io.daos.control.errors.NotLeaderException.class, () -> f.service.poolSvcHandler()
          .poolUpgrade(PoolUpgradeReq.newBuilder().setSys(SYS).setId("tank").build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolUpgrade_engineStatusComesBack() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_UPGRADE, DaosResp.newBuilder()
          .setStatus(DaosStatus.INPROGRESS.code()).build());
      assertEquals(DaosStatus.INPROGRESS.code(), f.service.poolSvcHandler().poolUpgrade(PoolUpgradeReq.newBuilder()
          .setSys(SYS).setId("tank").build()).getStatus());
    }
  }

  @Test
  void TestControl_SystemCleanup_evictsTheMachinesHandlesInEveryPool() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EVICT, PoolEvictResp.newBuilder().setCount(3).build());
      SystemCleanupResp r = f.service.cleanupHandler().systemCleanup(SystemCleanupReq.newBuilder().setSys(SYS)
          .setMachine("client1").build());
      assertEquals(1, r.getResultsCount());
      SystemCleanupResp.CleanupResult res = r.getResults(0);
      assertEquals(0, res.getStatus());
      assertEquals("", res.getMsg());
      assertEquals(PoolCreateTest.UUID1, res.getPoolId());
      assertEquals(3, res.getCount());
      PoolEvictReq sent = PoolEvictReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_EVICT));
      assertEquals("client1", sent.getMachine());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
      assertTrue(sent.getHandlesList().isEmpty() && !sent.getDestroy());
    }
  }

  @Test
  void TestControl_SystemCleanup_failedEvictIsAnErroredResult() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EVICT, PoolEvictResp.newBuilder().setStatus(-1012).build());
      SystemCleanupResp.CleanupResult res = f.service.cleanupHandler().systemCleanup(SystemCleanupReq.newBuilder()
          .setSys(SYS).setMachine("client1").build()).getResults(0);
      assertEquals(-1012, res.getStatus());
      assertEquals("Unable to clean up handles for machine client1 on pool " + PoolCreateTest.UUID1, res.getMsg());
    }
  }

  @Test
  void TestControl_SystemCleanup_requiresAMachineName() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> f.service.cleanupHandler().systemCleanup(SystemCleanupReq.newBuilder().setSys(SYS).build()));
      assertEquals("SystemCleanup requires a machine name.", e.getMessage());
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_EVICT).isEmpty());
    }
  }
}
