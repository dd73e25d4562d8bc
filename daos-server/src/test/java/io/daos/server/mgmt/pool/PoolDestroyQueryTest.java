package io.daos.server.mgmt.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.errors.PoolNotFoundException;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.ListPoolsReq;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DAOS TestServer_MgmtSvc_PoolDestroy and TestListPools_Success. */
class PoolDestroyQueryTest {
  private static final String SYS = MgmtFixture.SYS;

  static MgmtFixture created() {
    MgmtFixture f = PoolCreateTest.fixture();
    f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, PoolCreateTest.ENGINE_OK);
    f.service.poolHandler().poolCreate(PoolCreateTest.sized("tank", PoolCreateTest.SCM_MIN * 2,
        PoolCreateTest.NVME_MIN * 2).build());
    return f;
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_unknownUuid() {
    try (MgmtFixture f = created()) {
      assertThrows(PoolNotFoundException.class, () -> f.service.poolHandler().poolDestroy(PoolDestroyReq
          .newBuilder().setSys(SYS).setId(UUID.randomUUID().toString()).build()));
      assertThrows(PoolNotFoundException.class, () -> f.service.poolHandler().poolDestroy(PoolDestroyReq
          .newBuilder().setSys(SYS).setId("nope").build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_successfulDestroy() {
    try (MgmtFixture f = created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.getDefaultInstance());
      PoolDestroyResp resp = f.service.poolHandler().poolDestroy(PoolDestroyReq.newBuilder().setSys(SYS)
          .setId("tank").build());
      assertEquals(0, resp.getStatus());
      assertEquals(List.of(List.of(0, 1, 2, 3)), f.engines.preferred(DrpcMethod.MGMT_POOL_DESTROY),
          "one dRPC; the engine reaches every rank");
      PoolDestroyReq sent = parse(f.engines.calls.get(f.engines.calls.size() - 1).body());
      assertEquals(PoolCreateTest.UUID1, sent.getId());
      assertEquals(List.of(0, 1, 2, 3, 4), sent.getSvcRanksList());
      assertTrue(f.db.poolServices(true).isEmpty());
    }
  }

  /** DAOS's destroy reaches the group map's ranks, which leave out excluded members (Database.GroupMap). */
  @Test
  void TestServer_MgmtSvc_PoolDestroy_excludedRanksLeftOut() {
    try (MgmtFixture f = created()) {
      f.db.updateMember(MgmtFixture.member(3, 2, "excluded"));
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.getDefaultInstance());
      assertEquals(0, f.service.poolHandler().poolDestroy(PoolDestroyReq.newBuilder().setSys(SYS).setId("tank")
          .build()).getStatus());
      PoolDestroyReq sent = parse(f.engines.calls.get(f.engines.calls.size() - 1).body());
      assertEquals(List.of(0, 1, 2, 4), sent.getSvcRanksList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_errorResp() {
    try (MgmtFixture f = created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.newBuilder().setStatus(-1012).build());
      PoolDestroyResp resp = f.service.poolHandler().poolDestroy(PoolDestroyReq.newBuilder().setSys(SYS)
          .setId(PoolCreateTest.UUID1).build());
      assertEquals(-1012, resp.getStatus());
      PoolService ps = f.db.findPoolServiceByUuid(UUID.fromString(PoolCreateTest.UUID1)).orElseThrow();
      assertEquals(PoolServiceState.DESTROYING, ps.state());
    }
  }

  @Test
  void TestListPools_Success() {
    try (MgmtFixture f = created()) {
      UUID other = UUID.randomUUID();
      f.db.addPoolService(PoolService.creating(other, "new", new PoolServiceStorage("0", List.of(), 0)));
      ListPoolsResp resp = f.service.poolHandler().listPools(ListPoolsReq.newBuilder().setSys(SYS).build());
      assertEquals(2, resp.getPoolsCount());
      ListPoolsResp.Pool tank = resp.getPoolsList().stream().filter(p -> p.getLabel().equals("tank")).findFirst()
          .orElseThrow();
      assertEquals(PoolCreateTest.UUID1, tank.getUuid());
      assertEquals("Ready", tank.getState());
      assertEquals(List.of(0, 1, 2), tank.getSvcRepsList());
      assertTrue(resp.getPoolsList().stream().anyMatch(p -> p.getState().equals("Creating")));
      assertEquals(f.db.dataVersion(), resp.getDataVersion());
    }
  }

  @Test
  void createRetriedOnReadyPoolReturnsExisting() {
    try (MgmtFixture f = created()) {
      PoolCreateResp again = f.service.poolHandler().poolCreate(PoolCreateTest.sized("tank",
          PoolCreateTest.SCM_MIN * 2, PoolCreateTest.NVME_MIN * 2).build());
      assertEquals(List.of(0, 1, 2, 3), again.getTgtRanksList());
      assertEquals(List.of(0, 1, 2), again.getSvcRepsList());
    }
  }

  private static PoolDestroyReq parse(byte[] b) {
    try {
      return PoolDestroyReq.parseFrom(b);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
