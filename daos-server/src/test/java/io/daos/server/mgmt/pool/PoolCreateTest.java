package io.daos.server.mgmt.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.ByteSize;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.server.engine.EngineUnavailableException;
import io.daos.server.fanout.FakeControlInvoker;
import io.daos.server.mgmt.MgmtFixture;
import io.daos.server.mgmt.svc.FakePoolEngines;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestServer_MgmtSvc_PoolCreate over an in-memory MS with a fake engine set (dRPC 207). */
class PoolCreateTest {
  static final String UUID1 = "11111111-1111-1111-1111-111111111111";
  static final long SCM_MIN = 8 * 16 * ByteSize.MIB;
  static final long NVME_MIN = 8 * ByteSize.GIB;

  static PoolCreateReq.Builder req(String label) {
    PoolCreateReq.Builder b = PoolCreateReq.newBuilder().setUuid(UUID1).setSys(MgmtFixture.SYS);
    if (label != null) {
      b.addProperties(PoolProperty.newBuilder().setNumber(1).setStrval(label));
    }
    return b;
  }

  static PoolCreateReq.Builder sized(String label, long scm, long nvme) {
    return req(label).addTierBytes(scm).addTierBytes(nvme);
  }

  static final PoolCreateResp ENGINE_OK = PoolCreateResp.newBuilder().setSvcLdr(0).addSvcReps(0).addSvcReps(1)
      .addSvcReps(2).build();

  record Case(PoolCreateReq req, Consumer<FakePoolEngines> setup, PoolCreateResp expResp, FaultCode expFault,
      String expErr) {
  }

  static Arguments ok(String name, PoolCreateReq req, PoolCreateResp exp) {
    return Arguments.of(name, new Case(req, e -> e.answer(DrpcMethod.MGMT_POOL_CREATE, ENGINE_OK), exp, null, null));
  }

  static Arguments fault(String name, PoolCreateReq req, FaultCode code, String msg) {
    return Arguments.of(name, new Case(req, e -> e.answer(DrpcMethod.MGMT_POOL_CREATE, ENGINE_OK), null, code, msg));
  }

  static Arguments err(String name, PoolCreateReq req, Consumer<FakePoolEngines> setup, String msg) {
    return Arguments.of(name, new Case(req, setup, null, null, msg));
  }

  static PoolProperty rdFac(long n) {
    return PoolProperty.newBuilder().setNumber(PoolHandler.REDUN_FAC_PROP).setNumval(n).build();
  }

  static PoolCreateResp okResp(long scm, long nvme, int... ranks) {
    PoolCreateResp.Builder b = ENGINE_OK.toBuilder().clearTierBytes().addTierBytes(scm).addTierBytes(nvme);
    for (int r : ranks) {
      b.addTgtRanks(r);
    }
    return b.build();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        fault("wrong system", sized("p", SCM_MIN, NVME_MIN).setSys("bad").build(),
            FaultCode.SERVER_WRONG_SYSTEM, null),
        err("dRPC send fails", sized("p", SCM_MIN, NVME_MIN).build(),
            e -> e.failure = new IOException("send failure"), "send failure"),
        err("zero target count", sized("p", SCM_MIN, NVME_MIN).build(), e -> e.targets = 0, "zero target count"),
        err("garbage resp", sized("p", SCM_MIN, NVME_MIN).build(),
            e -> e.answers.put(DrpcMethod.MGMT_POOL_CREATE, new byte[] {1, 2, 3, 4}), null),
        ok("successful creation", sized("p", 100 * ByteSize.GIB, 10 * ByteSize.TIB).build(),
            okResp(100 * ByteSize.GIB, 10 * ByteSize.TIB, 0, 1, 2, 3)),
        ok("successful creation minimum size", sized("p", SCM_MIN, NVME_MIN).build(),
            okResp(SCM_MIN, NVME_MIN, 0, 1, 2, 3)),
        ok("successful creation auto size", req("p").setTotalBytes(100 * ByteSize.GIB).addTierRatio(0.06)
            .addTierRatio(0.94).build(), okResp(1610612736L, 25232932864L, 0, 1, 2, 3)),
        fault("failed creation invalid ranks", sized("p", SCM_MIN, NVME_MIN).addRanks(40).addRanks(11).build(),
            FaultCode.SERVER_POOL_INVALID_RANKS, "pool request contains invalid ranks: 11,40"),
        fault("failed creation invalid number of ranks", sized("p", SCM_MIN, NVME_MIN).setNumRanks(5).build(),
            FaultCode.SERVER_POOL_INVALID_NUM_RANKS,
            "pool request contains invalid number of ranks (requested: 5, available: 4)"),
        fault("svc replicas > max", sized("p", SCM_MIN, NVME_MIN).setNumSvcReps(10).build(),
            FaultCode.SERVER_POOL_INVALID_SERVICE_REPS,
            "pool service replicas number should be an odd number between 1 and 4"),
        fault("svc replicas > numRanks", sized("p", SCM_MIN, NVME_MIN).addRanks(0).addRanks(1).setNumSvcReps(3)
            .build(), FaultCode.SERVER_POOL_INVALID_SERVICE_REPS,
            "pool service replicas number should be an odd number between 1 and 2"),
        fault("no label", sized(null, SCM_MIN, NVME_MIN).build(), FaultCode.SERVER_POOL_NO_LABEL,
            "cannot create a pool without a pool label"),
        fault("scm too small", sized("p", SCM_MIN - 1, NVME_MIN).build(), FaultCode.SERVER_POOL_SCM_TOO_SMALL,
            "requested SCM capacity is too small (min 16 MiB per target)"),
        fault("nvme too small", sized("p", SCM_MIN, NVME_MIN - 1).build(), FaultCode.SERVER_POOL_NVME_TOO_SMALL,
            "requested NVMe capacity too small (min 1.0 GiB per target)"),
        fault("failed creation too few fault domains", sized("p", SCM_MIN, NVME_MIN).addRanks(0)
            .addProperties(rdFac(1)).build(), FaultCode.SERVER_POOL_TOO_FEW_FAULT_DOMAINS,
            "pool redundancy factor 1 requires at least 2 fault domains but only 1 are available"),
        ok("successful creation with rd_fac", sized("p", SCM_MIN, NVME_MIN).addRanks(0).addRanks(1)
            .addProperties(rdFac(1)).build(), okResp(SCM_MIN, NVME_MIN, 0, 1).toBuilder().clearSvcReps().addSvcReps(0)
            .build()),
        fault("mem-ratio is set (mdonssd not configured)", sized("p", SCM_MIN, NVME_MIN).setMemRatio(1.0f).build(),
            FaultCode.SERVER_POOL_MEM_RATIO_NO_ROLES,
            "pool create request contains MD-on-SSD parameters but MD-on-SSD has not been enabled"),
        Arguments.of("mem-ratio is set (mdonssd configured)", new Case(sized("p", SCM_MIN, NVME_MIN).setMemRatio(0.5f)
            .build(), e -> {
              e.answer(DrpcMethod.MGMT_POOL_CREATE, ENGINE_OK);
              e.mdOnSsd = true;
            }, okResp(SCM_MIN, NVME_MIN, 0, 1, 2, 3), null, null)),
        ok("engine not ready", sized("p", SCM_MIN, NVME_MIN).build(),
            PoolCreateResp.newBuilder().setStatus(DaosStatus.AGAIN.code()).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void TestServer_MgmtSvc_PoolCreate(String name, Case c) {
    try (MgmtFixture f = fixture()) {
      c.setup().accept(f.engines);
      if (name.equals("engine not ready")) {
        f.engines.failure = new EngineUnavailableException(EngineUnavailableException.Kind.ENGINE_NOT_READY);
      }
      PoolHandler h = f.service.poolHandler();
      if (c.expResp() != null) {
        PoolCreateResp resp = h.poolCreate(c.req());
        assertEquals(c.expResp(), resp);
        if (resp.getStatus() == 0) {
          PoolService ps = f.db.findPoolServiceByUuid(UUID.fromString(UUID1)).orElseThrow();
          assertEquals(PoolServiceState.READY, ps.state());
          assertEquals(c.expResp().getSvcRepsList(), ps.replicas());
          assertEquals(MgmtFixture.NOW, ps.lastUpdate(), "stamped by the MS database's clock");
          assertEquals(List.of(c.expResp().getTgtRanksList()), f.engines.preferred(DrpcMethod.MGMT_POOL_CREATE));
        } else {
          assertTrue(f.db.poolServices(true).isEmpty(), "record removed after failed create");
        }
        return;
      }
      RuntimeException e = assertThrows(RuntimeException.class, () -> h.poolCreate(c.req()));
      if (c.expFault() != null) {
        assertEquals(c.expFault(), ((Fault) e).code());
      }
      if (c.expErr() != null) {
        assertTrue(e.getMessage().contains(c.expErr()), e.getMessage());
      }
      assertTrue(f.db.poolServices(true).isEmpty(), "no record after a failed create");
    }
  }

  @Test
  void duplicateLabel() {
    try (MgmtFixture f = fixture()) {
      f.db.addPoolService(PoolService.creating(UUID.randomUUID(), "p", new PoolServiceStorage("0", List.of(), 0)));
      Fault e = assertThrows(Fault.class, () -> f.service.poolHandler().poolCreate(sized("p", SCM_MIN, NVME_MIN)
          .build()));
      assertEquals(FaultCode.SERVER_POOL_DUPLICATE_LABEL, e.code());
      assertTrue(e.getMessage().contains("pool label \"p\" already exists in the system"), e.getMessage());
    }
  }

  @Test
  void oneDrpcToOneLocalEngineForTheWholePool() throws Exception {
    try (MgmtFixture f = fixture()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, PoolCreateResp.newBuilder().setSvcLdr(1).addSvcReps(0)
          .addTgtRanks(0).build());
      PoolCreateResp resp = f.service.poolHandler().poolCreate(sized("p", SCM_MIN, NVME_MIN).setNumRanks(2).build());
      assertEquals(1, f.engines.calls.size());
      PoolCreateReq sent = PoolCreateReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_CREATE));
      assertEquals(sent.getRanksList(), f.engines.preferred(DrpcMethod.MGMT_POOL_CREATE).get(0));
      assertEquals(sent.getRanksList(), resp.getTgtRanksList());
    }
  }

  @Test
  void randomSubsetOfNumRanksIsSorted() {
    try (MgmtFixture f = fixture()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, PoolCreateResp.getDefaultInstance());
      PoolCreateResp resp = f.service.poolHandler().poolCreate(sized("p", SCM_MIN, NVME_MIN).setNumRanks(2).build());
      assertEquals(2, resp.getTgtRanksCount());
      assertTrue(resp.getTgtRanks(0) < resp.getTgtRanks(1));
      assertEquals(1, resp.getSvcRepsCount(), "2 ranks: the service size is kept odd");
      assertTrue(resp.getTgtRanksList().contains(resp.getSvcReps(0)));
    }
  }

  @Test
  void engineFailureStatusIsReturnedAndTheRecordRemoved() {
    try (MgmtFixture f = fixture()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, PoolCreateResp.newBuilder().setStatus(DaosStatus.UNREACH.code())
          .build());
      PoolCreateResp resp = f.service.poolHandler().poolCreate(sized("p", SCM_MIN, NVME_MIN).build());
      assertEquals(DaosStatus.UNREACH.code(), resp.getStatus());
      assertTrue(f.engines.preferred(DrpcMethod.MGMT_POOL_DESTROY).isEmpty(), "the engine cleans up, not the MS");
      assertTrue(f.db.poolServices(true).isEmpty());
    }
  }

  @Test
  void engineRequestCarriesSvcListAndFaultDomains() throws Exception {
    try (MgmtFixture f = fixture()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_CREATE, ENGINE_OK);
      PoolCreateResp resp = f.service.poolHandler().poolCreate(sized("p", SCM_MIN, NVME_MIN).build());
      assertEquals(List.of(0, 1, 2), resp.getSvcRepsList());
      PoolCreateReq sent = PoolCreateReq.parseFrom(f.engines.calls.get(0).body());
      assertEquals(3, sent.getNumSvcReps());
      assertTrue(sent.getPropertiesList().stream().anyMatch(p -> p.getNumber() == PoolHandler.SVC_LIST_PROP
          && p.getStrval().equals("0-2")), sent.getPropertiesList().toString());
      assertEquals(PoolFaultDomains.compress(java.util.Map.of(0, List.of(MgmtFixture.hostAddr(1), "0"),
          1, List.of(MgmtFixture.hostAddr(1), "1"), 2, List.of(MgmtFixture.hostAddr(2), "2"),
          3, List.of(MgmtFixture.hostAddr(2), "3"))), sent.getFaultDomainsList());
    }
  }

  static List<Integer> sorted(List<Integer> in) {
    return in.stream().sorted().toList();
  }

  @Test
  void notLeader() {
    try (MgmtFixture f = fixture()) {
      f.db.setLeader(false);
      assertThrows(io.daos.control.errors.NotLeaderException.class,
          () -> f.service.poolHandler().poolCreate(sized("p", SCM_MIN, NVME_MIN).build()));
    }
  }

  static MgmtFixture fixture() {
    return new MgmtFixture(List.of(MgmtFixture.member(0, 1, "joined"), MgmtFixture.member(1, 1, "joined"),
        MgmtFixture.member(2, 2, "ready"), MgmtFixture.member(3, 2, "joined"),
        MgmtFixture.member(4, 3, "stopped")), new FakeControlInvoker());
  }
}
