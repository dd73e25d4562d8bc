package io.daos.engine.pool.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.TargetState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The map change of pool extend (DAOS gen_pool_buf + pool_map_extend + MAP_EXTEND NEW → UP). */
class PoolExtensionTest {
  private static PoolMap map(String... domains) {
    PoolMap.Builder b = PoolMap.newBuilder().setVersion(1);
    for (int r = 0; r < domains.length; r++) {
      PoolMapRank.Builder rb = b.addRanksBuilder().setRank(r).setFaultDomain(domains[r]);
      for (int t = 0; t < 2; t++) {
        rb.addTargets(PoolMapTarget.newBuilder().setState(TargetState.UPIN.bit()).setFseq(1));
      }
    }
    return b.build();
  }

  /** The MS's compressed tree of ranks each in its own domain under the root (ids from 1 in walk order). */
  private static List<Integer> flatTree(int... ranks) {
    List<Integer> t = new java.util.ArrayList<>(List.of(0, 2, 0, ranks.length));
    for (int i = 0; i < ranks.length; i++) {
      t.addAll(List.of(1, i + 1, 1));
    }
    for (int r : ranks) {
      t.add(r);
    }
    return t;
  }

  @Test
  void addsNewRanksWithUpTargetsAtNewVersions() {
    PoolMap before = map("/1", "/2", "/3");
    PoolExtension.Extended e = PoolExtension.apply(before, List.of(4, 3), flatTree(3, 4),
        r -> Optional.of("ofi+tcp://10.0.0." + r + ":1"));
    assertEquals(List.of(3, 4), e.added());
    PoolMap after = e.map();
    assertEquals(5, after.getRanksCount());
    assertEquals(before.getRanksList(), after.getRanksList().subList(0, 3), "existing ranks untouched, in order");
    for (PoolMapRank r : after.getRanksList().subList(3, 5)) {
      assertEquals(2, r.getTargetsCount(), "as many targets as the pool's ranks");
      assertTrue(r.getTargetsList().stream().allMatch(t -> t.getState() == TargetState.UP.bit()), r.toString());
      assertEquals("ofi+tcp://10.0.0." + r.getRank() + ":1", r.getUri());
      assertTrue(r.getFaultDomain().startsWith("/e2."), "a domain of the extension: " + r.getFaultDomain());
    }
    assertTrue(after.getVersion() > 2, "version + 1 for the new components, then one per NEW → UP target: "
        + after.getVersion());
    assertEquals(2, after.getRanks(3).getFaultDomain().split("/").length, "same depth as the pool's domains");
  }

  @Test
  void ranksAlreadyInThePoolAreLeftAloneAndAllOfThemIsAlready() {
    PoolMap before = map("/1", "/2", "/3");
    DaosException e = assertThrows(DaosException.class,
        () -> PoolExtension.apply(before, List.of(0, 2), flatTree(0, 2), r -> Optional.empty()));
    assertEquals(DaosStatus.ALREADY, e.status());
    PoolExtension.Extended x = PoolExtension.apply(before, List.of(2, 5), flatTree(2, 5), r -> Optional.empty());
    assertEquals(List.of(5), x.added());
    assertEquals(4, x.map().getRanksCount());
  }

  @Test
  void badInputIsInval() {
    PoolMap before = map("/1", "/2");
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> PoolExtension.apply(before, List.of(), List.of(), r -> Optional.empty())).status());
    // a tree deeper than the pool's domains
    List<Integer> deep = List.of(2, 3, 0, 1, 2, 1, 1, 1, 2, 1, 7);
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> PoolExtension.apply(before, List.of(7), deep, r -> Optional.empty())).status());
    // a tree that does not name the rank
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> PoolExtension.apply(before, List.of(9), flatTree(8), r -> Optional.empty())).status());
  }

  @Test
  void withoutATreeEachRankIsItsOwnDomain() {
    PoolMap before = map("/rank0", "/rank1");
    PoolMap after = PoolExtension.apply(before, List.of(2), List.of(), r -> Optional.empty()).map();
    assertEquals("/rank2", after.getRanks(2).getFaultDomain());
  }
}
