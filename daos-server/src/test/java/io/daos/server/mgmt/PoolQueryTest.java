package io.daos.server.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
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

/** DAOS TestServer_MgmtSvc_PoolQuery: the MS asks every target rank's engine (dRPC 223) and merges. */
class PoolQueryTest {
  private static final String SYS = MgmtFixture.SYS;

  /** What the engine of {@code rank} reports: 8 targets, free space growing with the rank. */
  static PoolQueryResp engineAnswer(int rank) {
    PoolQueryResp.Builder b = PoolQueryResp.newBuilder().setUuid(PoolCreateTest.UUID1).setTotalTargets(8)
        .setActiveTargets(8).setTotalEngines(1).setVersion(1).setSvcLdr(rank).setLeader(rank).addSvcReps(rank)
        .setState(PoolServiceState.Ready);
    b.addTierStats(stats(8000, 4000 + rank * 800, 400 + rank * 100, 600 + rank * 100, 500 + rank * 100,
        StorageMediaType.SCM));
    b.addTierStats(stats(80000, 80000, 10000, 10000, 10000, StorageMediaType.NVME));
    return b.build();
  }

  private static StorageUsageStats stats(long total, long free, long min, long max, long mean, StorageMediaType t) {
    return StorageUsageStats.newBuilder().setTotal(total).setFree(free).setMin(min).setMax(max).setMean(mean)
        .setMediaType(t).build();
  }

  record Case(long mask, Consumer<FakePoolEngines> setup, Consumer<PoolQueryResp> check, String err) {
  }

  static Stream<Arguments> cases() {
    Consumer<FakePoolEngines> perRank = e -> e.answerPerRank(DrpcMethod.MGMT_POOL_QUERY, PoolQueryTest::engineAnswer);
    return Stream.of(
        Arguments.of("dRPC send fails", new Case(0, e -> {
          for (int r = 0; r < 4; r++) {
            e.failures.put(r, new IOException("send failure"));
          }
        }, null, "send failure")),
        Arguments.of("garbage resp", new Case(0,
            e -> e.answers.put(DrpcMethod.MGMT_POOL_QUERY, new byte[] {(byte) 0xff, 0x01, 0x02}), null, "")),
        Arguments.of("successful query", new Case(0, perRank, r -> {
          assertEquals(0, r.getStatus());
          assertEquals(PoolCreateTest.UUID1, r.getUuid());
          assertEquals("tank", r.getLabel());
          assertEquals(32, r.getTotalTargets());
          assertEquals(32, r.getActiveTargets());
          assertEquals(0, r.getDisabledTargets());
          assertEquals(4, r.getTotalEngines());
          assertEquals(PoolServiceState.Ready, r.getState());
          assertEquals(List.of(0, 1, 2), r.getSvcRepsList());
          assertEquals(PoolQueries.DEFAULT_MASK, r.getQueryMask());
          assertEquals("", r.getDisabledRanks());
          assertEquals("", r.getEnabledRanks());
          assertEquals(stats(32000, 4000 * 4 + 800 * 6, 400, 900, 650, StorageMediaType.SCM), r.getTierStats(0));
          assertEquals(stats(320000, 320000, 10000, 10000, 10000, StorageMediaType.NVME), r.getTierStats(1));
        }, null)),
        Arguments.of("successful query (includes pre-2.6 Leader field)", new Case(0, perRank, r -> {
          assertEquals(0, r.getSvcLdr());
          assertEquals(r.getSvcLdr(), r.getLeader());
        }, null)),
        Arguments.of("enabled engines requested", new Case(PoolQueries.ENGINES_ENABLED, perRank,
            r -> assertEquals("0-3", r.getEnabledRanks()), null)),
        Arguments.of("one engine down", new Case(PoolQueries.DEFAULT_MASK, perRank.andThen(
            e -> e.failures.put(2, new IOException("unreachable"))), r -> {
              assertEquals(32, r.getTotalTargets());
              assertEquals(24, r.getActiveTargets());
              assertEquals(8, r.getDisabledTargets());
              assertEquals("2", r.getDisabledRanks());
              assertEquals(PoolServiceState.TargetsExcluded, r.getState());
              assertEquals(24000, r.getTierStats(0).getTotal());
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
      List<Integer> called = f.engines.ranksCalled(DrpcMethod.MGMT_POOL_QUERY);
      assertEquals(resp.getStatus() == 0 ? List.of(0, 1, 2, 3) : List.of(0), called);
    }
  }

  @Test
  void engineAskedForThePoolUuidWithTheDefaultMask() throws Exception {
    try (MgmtFixture f = PoolDestroyQueryTest.created()) {
      f.engines.answerPerRank(DrpcMethod.MGMT_POOL_QUERY, PoolQueryTest::engineAnswer);
      f.service.poolHandler().poolQuery(PoolQueryReq.newBuilder().setSys(SYS).setId("tank").build());
      FakePoolEngines.Call call = f.engines.calls.get(f.engines.calls.size() - 1);
      PoolQueryReq sent = PoolQueryReq.parseFrom(call.body());
      assertEquals(PoolCreateTest.UUID1, sent.getId());
      assertEquals(PoolQueries.DEFAULT_MASK, sent.getQueryMask());
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
