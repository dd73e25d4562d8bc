package io.daos.engine.pool.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.placement.MapOp;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.Prop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool service's map changes (DAOS pool_svc_update_map / ds_pool_map_tgts_update / update_one_tgt). */
class PoolMapChangesTest {
  static final UUID POOL = UUID.fromString("bbbbbbbb-0000-0000-0000-00000000000b");
  static final int UPIN = 4;
  static final int UP = 2;
  static final int DOWN = 8;
  static final int DOWNOUT = 16;
  static final int DRAIN = 32;

  private PoolService svc;
  private final List<PoolMap> pushed = new ArrayList<>();
  private long sysPolicy = SysSelfHeal.EXCLUDE | SysSelfHeal.POOL_EXCLUDE | SysSelfHeal.POOL_REBUILD;
  private PoolMapChanges changes;

  @BeforeEach
  void start() {
    PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addAllRanks(List.of(0, 1, 2, 3))
        .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.SVC_LIST).setStrval("[0]")).build();
    svc = new PoolService(POOL, new InMemoryRdb(POOL, 0), () -> List.of(0));
    svc.initialize(PoolInit.tx(create, 4, Map.of()));
    changes = new PoolMapChanges("test", () -> sysPolicy, (s, m) -> pushed.add(m));
  }

  private PoolMap update(MapOp op, int rank, int... idx) {
    List<TargetAddr> addrs = new ArrayList<>();
    if (idx.length == 0) {
      addrs.add(new TargetAddr(rank, TargetAddr.ALL));
    }
    for (int i : idx) {
      addrs.add(new TargetAddr(rank, i));
    }
    return changes.update(svc, op, addrs, false, PoolMapChanges.Source.DMG);
  }

  private static PoolMapTarget target(PoolMap m, int rank, int idx) {
    return m.getRanksList().stream().filter(r -> r.getRank() == rank).findFirst().orElseThrow().getTargets(idx);
  }

  private static DaosStatus status(Runnable r) {
    return assertThrows(DaosException.class, r::run).status();
  }

  /** The service map keeps DAOS's co_out_ver, co_in_ver and co_flags that placement sets, and reads them back. */
  @Test
  void mapKeepsOutVerInVerAndFlags() {
    PoolMap m = update(MapOp.EXCLUDE, 1, 0, 1);
    PoolMap out = PoolMapUpdate.apply(m, MapOp.EXCLUDE_OUT, List.of(new TargetAddr(1, 0)), false, 2);
    PoolMapTarget t = target(out, 1, 0);
    assertEquals(DOWNOUT, t.getState());
    assertEquals(out.getVersion(), t.getOutVer());
    assertEquals(io.daos.placement.Target.DOWN2OUT, t.getFlags());
    assertEquals(1, target(out, 0, 0).getInVer(), "created at version 1");

    PoolMap reint = PoolMapUpdate.apply(out, MapOp.REINT, List.of(new TargetAddr(1, 1)), false, 2);
    PoolMapTarget up = target(reint, 1, 1);
    assertEquals(UP, up.getState());
    assertEquals(reint.getVersion(), up.getInVer());
    assertEquals(io.daos.placement.Target.DOWN2UP, up.getFlags());

    io.daos.placement.Target back = PoolMapUpdate.toPlacement(reint).target(1, 1);
    assertEquals(up.getInVer(), back.inVer());
    assertEquals(up.getFlags(), back.flags());
    assertEquals(t.getOutVer(), PoolMapUpdate.toPlacement(reint).target(1, 0).outVer());
  }

  /** daos_test -r "exclude targets": each excluded target is DOWN with fseq = its own new version. */
  @Test
  void excludeRankTargetsAreDownWithFseqOfTheirVersion() {
    PoolMap m = update(MapOp.EXCLUDE, 1);
    assertEquals(5, m.getVersion(), "one version per changed target, as DAOS");
    for (int i = 0; i < 4; i++) {
      assertEquals(DOWN, target(m, 1, i).getState());
      assertEquals(2 + i, target(m, 1, i).getFseq());
    }
    assertEquals(UPIN, target(m, 0, 0).getState());
    assertEquals(m, svc.map(), "committed to the rdb");
    assertEquals(List.of(m), pushed, "the new map is handed to the distribution");
  }

  @Test
  void excludeOneTargetThenAgainChangesNothing() {
    PoolMap m = update(MapOp.EXCLUDE, 2, 3);
    assertEquals(2, m.getVersion());
    assertEquals(DOWN, target(m, 2, 3).getState());
    assertEquals(2, target(m, 2, 3).getFseq());
    PoolMap again = update(MapOp.EXCLUDE, 2, 3);
    assertEquals(2, again.getVersion(), "excluding a DOWN target is skipped (no new version)");
    assertEquals(1, pushed.size());
  }

  @Test
  void drainThenFinishIsDownout() {
    PoolMap m = update(MapOp.DRAIN, 0, 1);
    assertEquals(DRAIN, target(m, 0, 1).getState());
    assertEquals(2, target(m, 0, 1).getFseq());
    m = update(MapOp.EXCLUDE_OUT, 0, 1);
    assertEquals(DOWNOUT, target(m, 0, 1).getState());
    assertEquals(3, m.getVersion());
  }

  @Test
  void reintegrateDownIsUpThenAddInIsUpin() {
    update(MapOp.EXCLUDE, 3, 0);
    PoolMap m = update(MapOp.REINT, 3, 0);
    assertEquals(UP, target(m, 3, 0).getState());
    assertEquals(3, m.getVersion());
    m = update(MapOp.ADD_IN, 3, 0);
    assertEquals(UPIN, target(m, 3, 0).getState());
    assertEquals(4, m.getVersion());
  }

  @Test
  void reintegrateUpinIsSkippedAsDaos() {
    PoolMap m = update(MapOp.REINT, 1);
    assertEquals(1, m.getVersion());
    assertTrue(pushed.isEmpty());
  }

  @Test
  void drainOfReintegratingTargetIsBusy() {
    update(MapOp.EXCLUDE, 1, 0);
    update(MapOp.REINT, 1, 0);
    assertEquals(DaosStatus.BUSY, status(() -> update(MapOp.DRAIN, 1, 0)));
  }

  @Test
  void unknownRankOrTargetIsNonexistAndChangesNothing() {
    assertEquals(DaosStatus.NONEXIST, status(() -> update(MapOp.EXCLUDE, 9)));
    assertEquals(DaosStatus.NONEXIST, status(() -> update(MapOp.EXCLUDE, 1, 0, 4)));
    assertEquals(1, svc.map().getVersion());
  }

  @Test
  void excludingMoreFaultDomainsThanPoolRfIsDerRfUnlessForced() {
    update(MapOp.EXCLUDE, 0);
    update(MapOp.EXCLUDE, 1);
    assertEquals(DaosStatus.RF, status(() -> update(MapOp.EXCLUDE, 2)));
    PoolMap m = changes.update(svc, MapOp.EXCLUDE, List.of(new TargetAddr(2, TargetAddr.ALL)), true,
        PoolMapChanges.Source.DMG);
    assertEquals(DOWN, target(m, 2, 0).getState());
  }

  @Test
  void excludingEveryTargetIsInval() {
    List<TargetAddr> all = List.of(new TargetAddr(0, -1), new TargetAddr(1, -1), new TargetAddr(2, -1),
        new TargetAddr(3, -1));
    DaosException e = assertThrows(DaosException.class,
        () -> changes.update(svc, MapOp.EXCLUDE, all, true, PoolMapChanges.Source.DMG));
    assertEquals(DaosStatus.INVAL, e.status());
    assertEquals(1, svc.map().getVersion());
  }

  /** pool_svc_update_map_internal: a SWIM exclude needs self_heal.exclude on the pool (DER_NO_PERM otherwise). */
  @Test
  void swimExcludeNeedsPoolSelfHealExclude() {
    svc.setProps(List.of(Prop.newBuilder().setType(PoolProps.SELF_HEAL).setNum(PoolProps.SELF_HEAL_AUTO_REBUILD)
        .build()));
    DaosException e = assertThrows(DaosException.class, () -> changes.update(svc, MapOp.EXCLUDE,
        List.of(new TargetAddr(1, -1)), false, PoolMapChanges.Source.SWIM));
    assertEquals(DaosStatus.NO_PERM, e.status());
    assertEquals(1, svc.map().getVersion());
    assertEquals(5, update(MapOp.EXCLUDE, 1).getVersion(), "the administrator's exclude is not gated");
  }

  /** pool_svc_update_map: a SWIM exclude needs pool_exclude in the system property self_heal. */
  @Test
  void swimExcludeNeedsSystemSelfHealPoolExclude() {
    sysPolicy = SysSelfHeal.parse("exclude;pool_rebuild");
    DaosException e = assertThrows(DaosException.class, () -> changes.update(svc, MapOp.EXCLUDE,
        List.of(new TargetAddr(1, -1)), false, PoolMapChanges.Source.SWIM));
    assertEquals(DaosStatus.NO_PERM, e.status());
    sysPolicy = SysSelfHeal.parse("exclude;pool_exclude;pool_rebuild");
    PoolMap m = changes.update(svc, MapOp.EXCLUDE, List.of(new TargetAddr(1, -1)), false,
        PoolMapChanges.Source.SWIM);
    assertEquals(DOWN, target(m, 1, 0).getState());
  }

  @Test
  void systemSelfHealValues() {
    assertEquals(0, SysSelfHeal.parse("none"));
    assertEquals(SysSelfHeal.POOL_EXCLUDE, SysSelfHeal.parse("pool_exclude"));
    assertEquals(DaosStatus.PROTO, status(() -> SysSelfHeal.parse("sometimes")));
  }
}
