package io.daos.server.mgmt.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.PoolClue;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pool-list comparison of the check leader: MS pools against the engines' pool clues. */
class PoolComparisonTest {
  static final UUID P1 = UUID.fromString("11111111-1111-1111-1111-111111111111");
  static final UUID P2 = UUID.fromString("22222222-2222-2222-2222-222222222222");

  record Case(String name, List<PoolService> ms, List<PoolClue> clues, PoolComparison.Scope scope,
      List<CheckInconsistClass> want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static PoolService ms(UUID u, String label) {
    return new PoolService(u, label, PoolServiceState.READY, List.of(0), null, null);
  }

  static PoolClue shard(UUID u, int rank) {
    return PoolClue.newBuilder().setUuid(u.toString()).setRank(rank).build();
  }

  static PoolClue svc(UUID u, int rank, String label) {
    return shard(u, rank).toBuilder().setSvcReplica(true).setLabel(label).addSvcReps(rank).build();
  }

  static final PoolComparison.Scope ALL = new PoolComparison.Scope(Set.of(), false);

  static Stream<Case> cases() {
    return Stream.of(
        new Case("consistent", List.of(ms(P1, "a")), List.of(svc(P1, 0, "a"), shard(P1, 1)), ALL, List.of()),
        new Case("dangling pool", List.of(ms(P1, "a")), List.of(), ALL,
            List.of(CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE)),
        new Case("orphan pool", List.of(), List.of(svc(P1, 0, "a")), ALL,
            List.of(CheckInconsistClass.CIC_POOL_NONEXIST_ON_MS)),
        new Case("orphan pool not looked for when other pools are named", List.of(ms(P2, "b")),
            List.of(svc(P1, 0, "a"), svc(P2, 0, "b")), new PoolComparison.Scope(Set.of(P2), false), List.of()),
        new Case("find orphans with named pools", List.of(ms(P2, "b")), List.of(svc(P1, 0, "a"), svc(P2, 0, "b")),
            new PoolComparison.Scope(Set.of(P2), true), List.of(CheckInconsistClass.CIC_POOL_NONEXIST_ON_MS)),
        new Case("bad label", List.of(ms(P1, "a")), List.of(svc(P1, 0, "a-fault")), ALL,
            List.of(CheckInconsistClass.CIC_POOL_BAD_LABEL)),
        new Case("no service replica answered: label not compared", List.of(ms(P1, "a")), List.of(shard(P1, 1)),
            ALL, List.of()),
        new Case("unselected dangling pool left alone", List.of(ms(P1, "a"), ms(P2, "b")),
            List.of(svc(P2, 0, "b")), new PoolComparison.Scope(Set.of(P2), false), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compares(Case c) {
    assertEquals(c.want(), PoolComparison.compare(c.ms(), c.clues(), c.scope()).stream().map(Inconsistency::cls)
        .toList());
  }

  @org.junit.jupiter.api.Test
  void orphanCarriesServiceLabelReplicasAndShardRanks() {
    Inconsistency i = PoolComparison.compare(List.of(), List.of(shard(P1, 2), svc(P1, 1, "lbl")), ALL).get(0);
    assertEquals("lbl", i.psLabel());
    assertEquals(List.of(1), i.svcReps());
    assertEquals(List.of(1, 2), i.shardRanks());
  }
}
