package io.daos.server.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DAOS TestServer_MgmtSvc_PoolSetProp / PoolGetProp / PoolEvict and the evict/containers cases of PoolDestroy. */
class PoolSvcHandlerTest {
  private static final String SYS = MgmtFixture.SYS;
  private static final PoolProperty LABEL = PoolProperty.newBuilder().setNumber(1).setStrval("newlabel").build();
  private static final PoolProperty SPACE_RB = PoolProperty.newBuilder().setNumber(3).setNumval(20).build();

  private static PoolSetPropReq.Builder setReq(PoolProperty... p) {
    return PoolSetPropReq.newBuilder().setSys(SYS).setId("tank").addAllProperties(List.of(p));
  }

  @Test
  void TestServer_MgmtSvc_PoolSetProp_success() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      PoolSetPropResp r = f.service.poolSvcHandler().poolSetProp(setReq(SPACE_RB).build());
      assertEquals(0, r.getStatus());
      PoolSetPropReq sent = PoolSetPropReq.parseFrom(last(f).body());
      assertEquals(PoolCreateTest.UUID1, sent.getId());
      assertEquals(List.of(SPACE_RB), sent.getPropertiesList());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
      assertEquals(List.of(List.of(0, 1, 2)), f.engines.preferred(DrpcMethod.MGMT_POOL_SET_PROP),
          "one dRPC, to a local engine hosting a replica if there is one");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolSetProp_reqWith0Props() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(IllegalArgumentException.class, () -> f.service.poolSvcHandler().poolSetProp(setReq().build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolSetProp_wrongSystem() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(RuntimeException.class, () -> f.service.poolSvcHandler().poolSetProp(setReq(SPACE_RB)
          .setSys("bad").build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolSetProp_labelUpdatesMsRecord() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.service.poolSvcHandler().poolSetProp(setReq(LABEL, SPACE_RB).build());
      UUID uuid = UUID.fromString(PoolCreateTest.UUID1);
      assertEquals("newlabel", f.db.findPoolServiceByUuid(uuid).orElseThrow().poolLabel());
      assertEquals(2, f.engines.preferred(DrpcMethod.MGMT_POOL_SET_PROP).size(), "label first, then the rest");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolSetProp_labelIsNotUnique() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.db.addPoolService(PoolService.creating(UUID.randomUUID(), "newlabel", new PoolServiceStorage("0",
          List.of(), 0)));
      Fault e = assertThrows(Fault.class, () -> f.service.poolSvcHandler().poolSetProp(setReq(LABEL).build()));
      assertEquals(FaultCode.SERVER_POOL_DUPLICATE_LABEL, e.code());
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_SET_PROP).isEmpty());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolSetProp_labelSetIsIdempotent() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      PoolProperty same = PoolProperty.newBuilder().setNumber(1).setStrval("tank").build();
      assertEquals(0, f.service.poolSvcHandler().poolSetProp(setReq(same).build()).getStatus());
    }
  }

  @Test
  void serviceCallIsOneDrpcWhoseAnswerIsReturnedAsIs() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_SET_PROP, PoolSetPropResp.newBuilder()
          .setStatus(DaosStatus.NOTLEADER.code()).build());
      assertEquals(DaosStatus.NOTLEADER.code(), f.service.poolSvcHandler().poolSetProp(setReq(SPACE_RB).build())
          .getStatus(), "the engine looks for the leader; the MS does not retry");
      assertEquals(1, f.engines.preferred(DrpcMethod.MGMT_POOL_SET_PROP).size());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolGetProp_success() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_GET_PROP, PoolGetPropResp.newBuilder().addProperties(SPACE_RB).build());
      PoolGetPropResp r = f.service.poolSvcHandler().poolGetProp(PoolGetPropReq.newBuilder().setSys(SYS)
          .setId("tank").addProperties(PoolProperty.newBuilder().setNumber(3)).build());
      assertEquals(List.of(SPACE_RB), r.getPropertiesList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolGetProp_reqWith0Props() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(IllegalArgumentException.class, () -> f.service.poolSvcHandler().poolGetProp(
          PoolGetPropReq.newBuilder().setSys(SYS).setId("tank").build()));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolEvict_successfulEvicted() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EVICT, PoolEvictResp.newBuilder().setCount(2).build());
      PoolEvictResp r = f.service.poolSvcHandler().poolEvict(PoolEvictReq.newBuilder().setSys(SYS).setId("tank")
          .build());
      assertEquals(2, r.getCount());
      assertEquals(PoolCreateTest.UUID1, PoolEvictReq.parseFrom(last(f).body()).getId());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolEvict_missingUuid() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      assertThrows(RuntimeException.class, () -> f.service.poolSvcHandler().poolEvict(PoolEvictReq.newBuilder()
          .setSys(SYS).build()));
    }
  }

  @Test
  void poolQueryTargetGoesToTheRanksEngine() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_QUERY_TARGETS, PoolQueryTargetResp.newBuilder().addInfos(
          io.daos.proto.mgmt.PoolQueryTargetInfo.newBuilder().setStateValue(4)).build());
      PoolQueryTargetResp r = f.service.poolSvcHandler().poolQueryTarget(PoolQueryTargetReq.newBuilder().setSys(SYS)
          .setId("tank").setRank(3).addTargets(0).build());
      assertEquals(1, r.getInfosCount());
      assertEquals(List.of(List.of(3)), f.engines.preferred(DrpcMethod.MGMT_POOL_QUERY_TARGETS));
    }
  }

  private static PoolDestroyResp destroy(MgmtFixture f, boolean force, boolean recursive) {
    return f.service.poolHandler().poolDestroy(PoolDestroyReq.newBuilder().setSys(SYS).setId("tank")
        .setForce(force).setRecursive(recursive).build());
  }

  private static PoolServiceState state(MgmtFixture f) {
    return f.db.findPoolServiceByUuid(UUID.fromString(PoolCreateTest.UUID1)).orElseThrow().state();
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_recursiveFalseContainersExistDestroyRefused() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_LIST_CONTAINERS, ListContResp.newBuilder().addContainers(
          ListContResp.Cont.newBuilder().setUuid(UUID.randomUUID().toString())).build());
      Fault e = assertThrows(Fault.class, () -> destroy(f, false, false));
      assertEquals(FaultCode.SERVER_POOL_HAS_CONTAINERS, e.code());
      assertEquals(PoolServiceState.READY, state(f));
      assertEquals(0, destroy(f, false, true).getStatus(), "recursive destroys it");
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_recursiveFalseListContainersFails() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_LIST_CONTAINERS, ListContResp.newBuilder().setStatus(-1025).build());
      assertEquals(-1025, destroy(f, false, false).getStatus());
      assertEquals(PoolServiceState.READY, state(f));
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_recursiveTrueEvictDrpcFailsDerBusyPoolStillReady() {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EVICT, PoolEvictResp.newBuilder().setStatus(-1012).build());
      assertEquals(-1012, destroy(f, false, true).getStatus());
      assertEquals(PoolServiceState.READY, state(f));
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_DESTROY).isEmpty());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_forceTrueRecursiveTrueEvictDrpcFailsDerBusyPoolInDestroyingState()
      throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EVICT, PoolEvictResp.newBuilder().setStatus(-1012).build());
      f.engines.answer(DrpcMethod.MGMT_POOL_DESTROY, PoolDestroyResp.newBuilder().setStatus(-1012).build());
      assertEquals(-1012, destroy(f, true, true).getStatus());
      assertEquals(PoolServiceState.DESTROYING, state(f));
      PoolEvictReq ev = PoolEvictReq.parseFrom(f.engines.calls.stream().filter(c -> c.method()
          == DrpcMethod.MGMT_POOL_EVICT).findFirst().orElseThrow().body());
      assertTrue(ev.getDestroy() && ev.getForceDestroy());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolDestroy_evictDrpcFailsDerNotleaderOnFirstTry() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_EVICT, PoolEvictResp.newBuilder().setStatus(DaosStatus.NOTLEADER.code())
          .build());
      assertEquals(DaosStatus.NOTLEADER.code(), destroy(f, false, true).getStatus());
      assertEquals(PoolServiceState.DESTROYING, state(f));
      PoolEvictReq ev = PoolEvictReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_EVICT));
      assertEquals(List.of(0, 1, 2), ev.getSvcRanksList());
      assertTrue(ev.getDestroy() && !ev.getForceDestroy());
    }
  }

  private static FakePoolEngines.Call last(MgmtFixture f) {
    return f.engines.calls.get(f.engines.calls.size() - 1);
  }
}
