package io.daos.server.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolServiceState;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageUsageStats;
import io.daos.server.sysdb.PoolService;
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

/**
 * DAOS TestServer_MgmtSvc_PoolQuery: the MS sends one dRPC 223 with the service ranks to a local engine (which asks
 * the pool service leader for the whole pool) and fills in the label it records.
 */
class PoolQueryTest {
  private static final String SYS = MgmtFixture.SYS;

  /** What the engine acting for the pool reports: 4 ranks of 8 targets. */
  static PoolQueryResp engineAnswer() {
    PoolQueryResp.Builder b = PoolQueryResp.newBuilder().setUuid(PoolCreateTest.UUID1).setTotalTargets(32)
        .setActiveTargets(32).setTotalEngines(4).setVersion(1).setSvcLdr(1).setLeader(1).addAllSvcReps(List.of(0, 1, 2))
        .setState(PoolServiceState.Ready).setQueryMask(PoolQueries.DEFAULT_MASK);
    b.addTierStats(stats(32000, 20000, 400, 900, 625, StorageMediaType.SCM));
    b.addTierStats(stats(320000, 320000, 10000, 10000, 10000, StorageMediaType.NVME));
    return b.build();
  }

  private static StorageUsageStats stats(long total, long free, long min, long max, long mean, StorageMediaType t) {
    return StorageUsageStats.newBuilder().setTotal(total).setFree(free).setMin(min).setMax(max).setMean(mean)
        .setMediaType(t).build();
  }

  record Case(long mask, Consumer<FakePoolEngines> setup, Consumer<PoolQueryResp> check, String err) {
  }

  static Stream<Arguments> cases() {
    Consumer<FakePoolEngines> ok = e -> e.answer(DrpcMethod.MGMT_POOL_QUERY, engineAnswer());
    return Stream.of(
        Arguments.of("dRPC send fails", new Case(0, e -> e.failure = new IOException("send failure"), null,
            "send failure")),
        Arguments.of("garbage resp", new Case(0,
            e -> e.answers.put(DrpcMethod.MGMT_POOL_QUERY, new byte[] {(byte) 0xff, 0x01, 0x02}), null, "")),
        Arguments.of("successful query", new Case(0, ok, r -> {
          assertEquals(0, r.getStatus());
          assertEquals(PoolCreateTest.UUID1, r.getUuid());
          assertEquals("tank", r.getLabel());
          assertEquals(32, r.getTotalTargets());
          assertEquals(4, r.getTotalEngines());
          assertEquals(List.of(0, 1, 2), r.getSvcRepsList());
          assertEquals(stats(32000, 20000, 400, 900, 625, StorageMediaType.SCM), r.getTierStats(0));
        }, null)),
        Arguments.of("successful query (includes pre-2.6 Leader field)", new Case(0, ok, r -> {
          assertEquals(1, r.getSvcLdr());
          assertEquals(r.getSvcLdr(), r.getLeader());
        }, null)),
        Arguments.of("engine error status", new Case(0, e -> e.answer(DrpcMethod.MGMT_POOL_QUERY,
            PoolQueryResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build()),
            r -> assertEquals(DaosStatus.NONEXIST.code(), r.getStatus()), null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void TestServer_MgmtSvc_PoolQuery(String name, Case c) {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      c.setup().accept(f.engines);
      PoolQueryReq req = PoolQueryReq.newBuilder().setSys(SYS).setId("tank").setQueryMask(c.mask()).build();
      if (c.err() != null) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> f.service.poolHandler().poolQuery(req));
        assertTrue(String.valueOf(e.getMessage()).contains(c.err()), e.toString());
        return;
      }
      PoolQueryResp resp = f.service.poolHandler().poolQuery(req);
      c.check().accept(resp);
      assertEquals(List.of(List.of(0, 1, 2, 3)), f.engines.preferred(DrpcMethod.MGMT_POOL_QUERY),
          "one dRPC, preferably to an engine of the pool");
    }
  }

  @Test
  void engineAskedForThePoolUuidWithTheDefaultMaskAndServiceRanks() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answer(DrpcMethod.MGMT_POOL_QUERY, engineAnswer());
      f.service.poolHandler().poolQuery(PoolQueryReq.newBuilder().setSys(SYS).setId("tank").build());
      PoolQueryReq sent = PoolQueryReq.parseFrom(f.engines.lastBody(DrpcMethod.MGMT_POOL_QUERY));
      assertEquals(PoolCreateTest.UUID1, sent.getId());
      assertEquals(PoolQueries.DEFAULT_MASK, sent.getQueryMask());
      assertEquals(List.of(0, 1, 2), sent.getSvcRanksList());
    }
  }

  @Test
  void TestServer_MgmtSvc_PoolQuery_notReady() {
    try (MgmtFixture f = PoolCreateTest.fixture()) {
      f.db.addPoolService(PoolService.creating(UUID.randomUUID(), "c", new PoolServiceStorage("0", List.of(), 0)));
      DaosException e = assertThrows(DaosException.class, () -> f.service.poolHandler().poolQuery(
          PoolQueryReq.newBuilder().setSys(SYS).setId("c").build()));
      assertEquals(DaosStatus.AGAIN, e.status());
    }
  }
}
