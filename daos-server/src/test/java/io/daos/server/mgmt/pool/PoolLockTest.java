package io.daos.server.mgmt.pool;

import static io.daos.server.mgmt.MgmtFixture.SYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.sysdb.PoolLock;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pool create and destroy hold the pool's lock in the replicated MS state (DAOS TakePoolLock), and a new leader
 * finishes off pools left in Creating or Destroying (DAOS TestServer_MgmtSvc_checkPools).
 */
class PoolLockTest {
  private static final UUID U1 = UUID.fromString(PoolCreateTest.UUID1);

  @Test
  void lockedPoolIsRefusedWithDaosFaultAndReleasedAfterwards() {
    try (MgmtFixture f = PoolCreateTest.fixture()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, PoolCreateTest.ENGINE_OK);
      PoolLock held = f.db.takePoolLock(U1);
      PoolCreateReq req = PoolCreateTest.sized("p", PoolCreateTest.SCM_MIN, PoolCreateTest.NVME_MIN).build();
      Fault e = assertThrows(Fault.class, () -> f.service.poolHandler().poolCreate(req));
      assertEquals(FaultCode.SYSTEM_POOL_LOCKED, e.code());
      assertTrue(e.description().startsWith("pool " + U1 + " is locked (id: " + held.id()), e.description());
      assertEquals("retry the pool operation", e.resolution());
      f.db.releasePoolLock(held);
      assertEquals(0, f.service.poolHandler().poolCreate(req).getStatus());
      assertTrue(f.db.findPoolLock(U1).isEmpty(), "released after the create");
    }
  }

  @Test
  void destroyTakesAndReleasesTheLock() {
    try (MgmtFixture f = PoolCreateTest.fixture()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, PoolCreateTest.ENGINE_OK);
      f.service.poolHandler().poolCreate(PoolCreateTest.sized("p", PoolCreateTest.SCM_MIN, PoolCreateTest.NVME_MIN)
          .build());
      PoolLock held = f.db.takePoolLock(U1);
      PoolDestroyReq req = PoolDestroyReq.newBuilder().setSys(SYS).setId("p").setForce(true).setRecursive(true)
          .build();
      assertEquals(FaultCode.SYSTEM_POOL_LOCKED,
          assertThrows(Fault.class, () -> f.service.poolHandler().poolDestroy(req)).code());
      f.db.releasePoolLock(held);
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.getDefaultInstance());
      assertEquals(0, f.service.poolHandler().poolDestroy(req).getStatus());
      assertTrue(f.db.findPoolLock(U1).isEmpty());
    }
  }

  @Test
  void TestServer_MgmtSvc_checkPools() throws InvalidProtocolBufferException {
    try (MgmtFixture f = PoolCreateTest.fixture()) {
      UUID creating = UUID.randomUUID();
      UUID destroying = UUID.randomUUID();
      UUID ready = UUID.randomUUID();
      f.db.addPoolService(PoolService.creating(creating, "c", new PoolServiceStorage("0-1", List.of(1L, 2L), 0)));
      f.db.addPoolService(PoolService.creating(destroying, "d", new PoolServiceStorage("2", List.of(1L, 2L), 0)));
      f.db.updatePoolService(f.db.findPoolServiceByUuid(destroying).orElseThrow()
          .withState(PoolServiceState.DESTROYING));
      f.db.addPoolService(PoolService.creating(ready, "r", new PoolServiceStorage("3", List.of(1L, 2L), 0)));
      f.db.updatePoolService(f.db.findPoolServiceByUuid(ready).orElseThrow().withState(PoolServiceState.READY));
      f.db.takePoolLock(creating); // held by the old leader's create, which died with it
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.getDefaultInstance());

      assertEquals(List.of(creating, destroying), f.service.poolHandler().checkPools());

      assertEquals(List.of(ready), f.db.poolServices(true).stream().map(PoolService::poolUuid).toList());
      assertEquals(List.of(List.of(0, 1), List.of(2)), f.engines.preferred(DrpcMethod.MGMT_POOL_DESTROY),
          "the engine targets of both pools are destroyed");
      PoolDestroyReq sent = PoolDestroyReq.parseFrom(f.engines.calls.get(0).body());
      assertEquals(creating.toString(), sent.getId());
      assertTrue(sent.getForce());
      assertTrue(f.db.findPoolLock(creating).isEmpty() && f.db.findPoolLock(destroying).isEmpty());
    }
  }

  @Test
  void checkPoolsKeepsAPoolWhoseTargetsCouldNotBeDestroyed() {
    try (MgmtFixture f = PoolCreateTest.fixture()) {
      UUID creating = UUID.randomUUID();
      f.db.addPoolService(PoolService.creating(creating, "c", new PoolServiceStorage("0", List.of(1L, 2L), 0)));
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.newBuilder().setStatus(-1012).build());
      assertEquals(List.of(), f.service.poolHandler().checkPools());
      assertEquals(PoolServiceState.DESTROYING, f.db.findPoolServiceByUuid(creating).orElseThrow().state(),
          "left Destroying for the next leader or a dmg pool destroy");
    }
  }
}
