package io.daos.engine.pool.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.engine.pool.svc.PoolInit;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.Prop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Automatic exclusion on the service leader: SWIM-dead ranks and ranks gone from the group map. */
class SelfHealTest {
  static final UUID POOL = UUID.fromString("cccccccc-0000-0000-0000-00000000000c");
  static final int DOWN = 8;
  static final int UPIN = 4;

  private final PoolServices services = new PoolServices("test", () -> null);
  private PoolService svc;
  private final List<PoolMap> pushed = new ArrayList<>();
  private volatile Set<Integer> group;
  /** The ranks SWIM holds dead now. */
  private volatile Set<Integer> swimDead = Set.of();
  private SelfHeal heal;

  @BeforeEach
  void start() {
    PoolCreateReq create = PoolCreateReq.newBuilder().setUuid(POOL.toString()).addAllRanks(List.of(0, 1, 2, 3))
        .addProperties(PoolProperty.newBuilder().setNumber(PoolProps.SVC_LIST).setStrval("[0]")).build();
    svc = services.add(new PoolService(POOL, new InMemoryRdb(POOL, 0), () -> List.of(0)));
    svc.initialize(PoolInit.tx(create, 2, Map.of()));
    PoolMapChanges changes = new PoolMapChanges("test", () -> SysSelfHeal.parse("exclude;pool_exclude"),
        (s, m) -> pushed.add(m));
    heal = new SelfHeal("test", services, changes, () -> group, () -> swimDead);
  }

  @AfterEach
  void stop() {
    services.close();
  }

  /** Waits until the service thread has run what was queued before. */
  private PoolMap settled() throws Exception {
    return svc.executor().submit(svc::map).get(10, TimeUnit.SECONDS);
  }

  private static int state(PoolMap m, int rank) {
    return m.getRanksList().stream().filter(r -> r.getRank() == rank).findFirst().orElseThrow().getTargets(0)
        .getState();
  }

  @Test
  void swimDeadRankIsExcluded() throws Exception {
    swimDead = Set.of(1);
    heal.rankDead(1);
    PoolMap m = settled();
    assertEquals(DOWN, state(m, 1));
    assertEquals(UPIN, state(m, 0));
    assertEquals(3, m.getVersion());
    heal.scan();
    assertEquals(3, settled().getVersion(), "done once");
  }

  @Test
  void rankGoneFromTheGroupMapIsExcluded() throws Exception {
    group = Set.of(0, 1, 3);
    heal.scan();
    assertEquals(DOWN, state(settled(), 2));
    assertEquals(1, pushed.size());
  }

  @Test
  void poolWithoutSelfHealExcludeKeepsTheDeadRank() throws Exception {
    svc.setProps(List.of(Prop.newBuilder().setType(PoolProps.SELF_HEAL).setNum(PoolProps.SELF_HEAL_AUTO_REBUILD)
        .build()));
    swimDead = Set.of(1);
    heal.rankDead(1);
    group = Set.of(0, 2, 3);
    heal.scan();
    PoolMap m = settled();
    assertEquals(UPIN, state(m, 1));
    assertEquals(1, m.getVersion());
  }

  /**
   * A death this replica heard of while it was not the leader, of a rank that has restarted since (SWIM no longer
   * holds it dead), is not acted on when the replica becomes leader (found by bin/jdaos-thrash: a new pool service
   * leader re-excluded two ranks reintegrated after their earlier deaths).
   */
  @Test
  void restartedRankIsNotExcludedForItsOldDeath() throws Exception {
    // The death is heard, but by the time the service acts SWIM holds the rank ALIVE again (it restarted).
    swimDead = Set.of();
    heal.rankDead(1);
    PoolMap m = settled();
    assertEquals(UPIN, state(m, 1));
    assertEquals(1, m.getVersion());
    swimDead = Set.of(1);
    heal.scan();
    assertEquals(1, settled().getVersion(), "the old death was dropped, not kept for later");
  }
}
