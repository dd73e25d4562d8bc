package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.CartClient;
import io.daos.cart.transport.CartTransports;
import io.daos.common.FakeTicker;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GetGroupStatusReq;
import io.daos.proto.mgmt.GetGroupStatusResp;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolSelfHealEvalReq;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's MGMT_POOL_EXTEND (229), MGMT_GROUP_STATUS_GET (248) and MGMT_POOL_SELF_HEAL_EVAL (252) dRPC methods:
 * their answers and their bad input (DAOS ds_mgmt_drpc_pool_extend, ds_mgmt_drpc_get_group_status,
 * ds_mgmt_drpc_pool_self_heal_eval). The paths through the pool service are in ExtendHandlersTest and the itest.
 */
class PoolMapDrpcsTest {
  static final String POOL = "12345678-1234-1234-1234-123456789abc";

  private CartClient client;
  private PoolMapDrpcs drpcs;
  private DrpcClient drpc;
  private volatile int groupVersion = 4;

  @BeforeEach
  void start() {
    client = CartClient.builder().transport(CartTransports.inMemory()).name("test").build();
    java.util.function.IntFunction<Optional<String>> noUri = r -> Optional.empty();
    drpcs = new PoolMapDrpcs("engine 0", new PoolSvcClient(client, noUri, Duration.ofSeconds(1)), () -> 0,
        new PoolFanout("engine 0", new RankCalls(client, noUri, new FakeTicker()), Duration.ofSeconds(1)), () -> groupVersion);
    drpc = DrpcClient.direct(drpcs.registerOn(new DrpcRegistry()));
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void groupStatusAnswersSwimsDeadRanksAndGrpverOnAnotherVersion() throws Exception {
    GetGroupStatusResp none = GetGroupStatusResp.parseFrom(drpc.call(DrpcMethod.MGMT_GROUP_STATUS_GET,
        GetGroupStatusReq.getDefaultInstance().toByteArray()));
    assertEquals(0, none.getStatus());
    assertEquals(List.of(), none.getDeadRanksList());
    drpcs.deadRanks(() -> Set.of(5, 2));
    GetGroupStatusResp r = GetGroupStatusResp.parseFrom(drpc.call(DrpcMethod.MGMT_GROUP_STATUS_GET,
        GetGroupStatusReq.newBuilder().setMapVersion(4).build().toByteArray()));
    assertEquals(0, r.getStatus());
    assertEquals(List.of(2, 5), r.getDeadRanksList());
    GetGroupStatusResp stale = GetGroupStatusResp.parseFrom(drpc.call(DrpcMethod.MGMT_GROUP_STATUS_GET,
        GetGroupStatusReq.newBuilder().setMapVersion(3).build().toByteArray()));
    assertEquals(DaosStatus.GRPVER.code(), stale.getStatus());
    assertEquals(List.of(), stale.getDeadRanksList());
  }

  @Test
  void extendRejectsBadInput() throws Exception {
    PoolExtendResp noTiers = extend(PoolExtendReq.newBuilder().setId(POOL).addRanks(3).build());
    assertEquals(DaosStatus.INVAL.code(), noTiers.getStatus());
    PoolExtendResp tooMany = extend(PoolExtendReq.newBuilder().setId(POOL).addRanks(3)
        .addAllTierBytes(List.of(1L << 30, 1L << 30, 1L)).build());
    assertEquals(DaosStatus.INVAL.code(), tooMany.getStatus());
    PoolExtendResp badUuid = extend(PoolExtendReq.newBuilder().setId("tank").addRanks(3).addTierBytes(1L << 30)
        .build());
    assertEquals(DaosStatus.INVAL.code(), badUuid.getStatus());
    PoolExtendResp noRanks = extend(PoolExtendReq.newBuilder().setId(POOL).addTierBytes(1L << 30).build());
    assertEquals(DaosStatus.INVAL.code(), noRanks.getStatus());
    assertEquals(List.of(), noRanks.getTierBytesList(), "tier_bytes are echoed on success only");
  }

  @Test
  void extendToAnUnreachableRankFailsBeforeTheMapChanges() throws Exception {
    PoolExtendResp r = extend(PoolExtendReq.newBuilder().setId(POOL).addRanks(7).addTierBytes(1L << 30)
        .addSvcRanks(0).build());
    assertEquals(DaosStatus.OOG.code(), r.getStatus(), "MGMT_TGT_CREATE cannot reach a rank not in the group map");
  }

  @Test
  void selfHealEvalRejectsAnUnknownPolicyAndABadUuid() throws Exception {
    DaosResp bad = DaosResp.parseFrom(drpc.call(DrpcMethod.MGMT_POOL_SELF_HEAL_EVAL, PoolSelfHealEvalReq
        .newBuilder().setId(POOL).setSysPropVal("exclude;everything").addSvcRanks(0).build().toByteArray()));
    assertEquals(DaosStatus.INVAL.code(), bad.getStatus());
    DaosResp uuid = DaosResp.parseFrom(drpc.call(DrpcMethod.MGMT_POOL_SELF_HEAL_EVAL, PoolSelfHealEvalReq
        .newBuilder().setId("x").setSysPropVal("none").build().toByteArray()));
    assertEquals(DaosStatus.INVAL.code(), uuid.getStatus());
  }

  private PoolExtendResp extend(PoolExtendReq q) throws Exception {
    return PoolExtendResp.parseFrom(drpc.call(DrpcMethod.MGMT_POOL_EXTEND, q.toByteArray()));
  }
}
