package io.daos.server.drpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.srv.GetPoolSvcReq;
import io.daos.proto.srv.GetPoolSvcResp;
import io.daos.proto.srv.PoolFindByLabelReq;
import io.daos.proto.srv.PoolFindByLabelResp;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.FakeMgmtService;
import io.daos.server.sysdb.InMemorySystemDb;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import io.daos.server.sysdb.SystemDb;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dRPC SRV_GET_POOL_SVC (303) and SRV_POOL_FIND_BYLABEL (305) answered from the MS pool records. */
class PoolLookupDrpcTest {
  static final UUID READY = UUID.fromString("11111111-0000-0000-0000-000000000001");
  static final UUID CREATING = UUID.fromString("11111111-0000-0000-0000-000000000002");

  private InMemorySystemDb db;
  private DrpcClient client;

  @BeforeEach
  void setUp() {
    db = new InMemorySystemDb();
    PoolServiceStorage st = new PoolServiceStorage("[0-2]", List.of(1L, 0L), 0f);
    db.addPoolService(PoolService.creating(READY, "tank", st).withReplicas(List.of(0, 1, 2))
        .withState(PoolServiceState.READY));
    db.addPoolService(PoolService.creating(CREATING, "wip", st));
    client = DrpcClient.direct(SrvDrpcHandlers.register(new DrpcRegistry(), new EngineHarness(),
        new FakeMgmtService(), PoolRecords.of(() -> Optional.<SystemDb>of(db))));
  }

  @AfterEach
  void tearDown() {
    client.close();
    db.close();
  }

  record Case(String name, String id, int status, List<Integer> reps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> byUuid() {
    return Stream.of(new Case("ready pool", READY.toString(), 0, List.of(0, 1, 2)),
        new Case("pool not ready", CREATING.toString(), DaosStatus.NONEXIST.code(), List.of()),
        new Case("unknown pool", UUID.randomUUID().toString(), DaosStatus.NONEXIST.code(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("byUuid")
  void getPoolSvc(Case tc) throws Exception {
    GetPoolSvcResp r = GetPoolSvcResp.parseFrom(client.call(DrpcMethod.SRV_GET_POOL_SVC,
        GetPoolSvcReq.newBuilder().setUuid(tc.id()).build().toByteArray()));
    assertEquals(tc.status(), r.getStatus());
    assertEquals(tc.reps(), r.getSvcrepsList());
  }

  static Stream<Case> byLabel() {
    return Stream.of(new Case("ready pool", "tank", 0, List.of(0, 1, 2)),
        new Case("pool not ready", "wip", DaosStatus.NONEXIST.code(), List.of()),
        new Case("unknown label", "nope", DaosStatus.NONEXIST.code(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("byLabel")
  void poolFindByLabel(Case tc) throws Exception {
    PoolFindByLabelResp r = PoolFindByLabelResp.parseFrom(client.call(DrpcMethod.SRV_POOL_FIND_BYLABEL,
        PoolFindByLabelReq.newBuilder().setLabel(tc.id()).build().toByteArray()));
    assertEquals(tc.status(), r.getStatus());
    assertEquals(tc.reps(), r.getSvcrepsList());
    assertEquals(tc.status() == 0 ? READY.toString() : "", r.getUuid());
  }
}
