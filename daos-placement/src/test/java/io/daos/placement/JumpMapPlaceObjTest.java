package io.daos.placement;

import static io.daos.placement.JumpMapTestSupport.RANK_MAP;
import static io.daos.placement.JumpMapTestSupport.badCount;
import static io.daos.placement.JumpMapTestSupport.genOid;
import static io.daos.placement.JumpMapTestSupport.hasDuplicate;
import static io.daos.placement.JumpMapTestSupport.layout;
import static io.daos.placement.JumpMapTestSupport.rebuildingCount;
import static io.daos.placement.JumpMapTestSupport.sameDomainMisses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors test cases of DAOS's {@code src/placement/tests/jump_map_place_obj.c}, keeping their names. */
class JumpMapPlaceObjTest {
  static Stream<Arguments> allHealthy() {
    return Stream.of(
        Arguments.of("S1 on 1x1x1", 1, 1, 1, ObjectClass.S1, 1),
        Arguments.of("S2 on 1x1x2", 1, 1, 2, ObjectClass.S2, 2),
        Arguments.of("SX on 32x1x8", 32, 1, 8, ObjectClass.SX, 32 * 8),
        Arguments.of("RP_2G1 on 2x1x1", 2, 1, 1, ObjectClass.RP_2G1, 2),
        Arguments.of("RP_2G2 on 2x1x2", 2, 1, 2, ObjectClass.RP_2G2, 4),
        Arguments.of("RP_2GX on 32x1x8", 32, 1, 8, ObjectClass.RP_2GX, 32 * 8),
        Arguments.of("EC_16P2G1 on 18x1x1", 18, 1, 1, ObjectClass.byName("EC_16P2G1"), 18));
  }

  @ParameterizedTest(name = "all_healthy: {0}")
  @MethodSource("allHealthy")
  void all_healthy(String name, int domains, int nodes, int targets, ObjectClass oc, int expected) {
    Layout l = layout(domains, nodes, targets, oc);
    assertEquals(expected, l.shards().size());
    assertEquals(0, badCount(l));
    assertEquals(0, rebuildingCount(l));
    assertFalse(hasDuplicate(l));
  }

  @Test
  void all_healthy_every_object_class() {
    // DAOS uses 1024 x 1 x 16; a 64 x 1 x 16 map keeps the run short with the same checks.
    PoolMap map = PoolMap.standard(64, 1, 16);
    for (ObjectClass oc : ObjectClass.all()) {
      Layout l = RANK_MAP.place(genOid(0, 1, oc), map);
      assertEquals(0, badCount(l), oc.name());
      assertEquals(0, rebuildingCount(l), oc.name());
      assertFalse(hasDuplicate(l), oc.name());
    }
  }

  @Test
  void down_to_target() {
    PoolMap map = PoolMap.standard(4, 1, 8);
    ObjectId oid = genOid(1, -1L, ObjectClass.RP_4G1);
    Layout before = RANK_MAP.place(oid, map);
    Layout after = RANK_MAP.place(oid, map.update(MapOp.EXCLUDE, before.shard(0).target()));
    assertEquals(0, badCount(after));
    assertEquals(1, rebuildingCount(after));
    assertTrue(after.shard(0).rebuilding());
    assertNotEquals(before.shard(0).target(), after.shard(0).target());
    for (int k = 1; k < 4; k++) {
      assertEquals(before.shard(k), after.shard(k));
    }
  }

  @Test
  void down_continuously() {
    PoolMap map = PoolMap.standard(4, 1, 4);
    ObjectId oid = genOid(1, -1L, ObjectClass.RP_2G2);
    Shard prev = RANK_MAP.place(oid, map).shard(0);
    for (int i = 0; i < 16 - 8; i++) {
      map = map.update(MapOp.EXCLUDE, prev.target());
      Layout l = RANK_MAP.place(oid, map);
      for (int g = 0; g < 2; g++) {
        assertTrue(l.group(g).stream().filter(Shard::rebuilding).count() <= 1);
      }
      assertTrue(l.shard(0).rebuilding());
      assertNotEquals(prev.target(), l.shard(0).target());
      assertFalse(hasDuplicate(l));
      prev = l.shard(0);
    }
  }

  static Stream<Arguments> sameGroupShards() {
    return Stream.of(
        Arguments.of("EC_4P2GX 4 x 2", 4, 2, 8, "EC_4P2GX", 6, 10, 8, true),
        Arguments.of("EC_8P2GX 6 x 2", 6, 2, 8, "EC_8P2GX", 10, 9, 8, true),
        Arguments.of("EC_4P2GX 8 x 1", 8, 1, 8, "EC_4P2GX", 6, 10, 8, true),
        Arguments.of("EC_8P2GX 12 x 1", 12, 1, 8, "EC_8P2GX", 10, 9, 8, true),
        Arguments.of("EC_2P1G32 16 x 2", 16, 2, 4, "EC_2P1G32", 3, 32, 4, true),
        Arguments.of("EC_16P2G32 18 x 1", 18, 1, 32, "EC_16P2G32", 18, 32, 32, true),
        Arguments.of("EC_16P2G32 32 x 1", 32, 1, 18, "EC_16P2G32", 18, 32, 18, false));
  }

  @ParameterizedTest(name = "same_group_shards_not_in_same_domain: check {0}")
  @MethodSource("sameGroupShards")
  void same_group_shards_not_in_same_domain(String name, int domains, int nodes, int targets, String oc,
                                            int grpSize, int grpNr, int tgtNr, boolean noDuplicate) {
    Layout l = layout(domains, nodes, targets, ObjectClass.byName(oc));
    assertEquals(grpSize, l.groupSize());
    assertEquals(grpNr, l.groups());
    assertEquals(0, sameDomainMisses(l, tgtNr));
    if (noDuplicate) {
      assertFalse(hasDuplicate(l));
    }
  }

  @Test
  void same_group_shards_not_in_same_domain_multiple_objs() {
    PoolMap map = PoolMap.standard(4, 1, 8);
    for (int h = 0; h < 1000; h++) {
      Layout l = RANK_MAP.place(genOid(h + 1, 0xFFFFFFFFL, ObjectClass.EC_2P1GX), map);
      assertEquals(0, sameDomainMisses(l, 8));
      assertFalse(hasDuplicate(l));
    }
    PoolMap map6 = PoolMap.standard(6, 1, 8);
    for (int h = 0; h < 1000; h++) {
      Layout l = RANK_MAP.place(genOid(h + 1, 0xFFFFFFFFL, ObjectClass.byName("EC_4P1GX")), map6);
      assertEquals(9, l.groups());
      assertEquals(0, sameDomainMisses(l, 8));
      assertFalse(hasDuplicate(l));
    }
  }

  static Stream<Arguments> unbalanced() {
    return Stream.of(
        Arguments.of("huge then small", new int[] {50, 2}, "RP_2G1", 2),
        Arguments.of("small then huge", new int[] {2, 50}, "RP_2G1", 2),
        Arguments.of("growing RP_3G2", new int[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20}, "RP_3G2", 6),
        Arguments.of("growing RP_3GX", new int[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20}, "RP_3GX", 110 / 3 * 3),
        Arguments.of("one tiny domain", new int[] {1, 5, 5}, "RP_2G2", 4));
  }

  @ParameterizedTest(name = "unbalanced_config: {0}")
  @MethodSource("unbalanced")
  void unbalanced_config(String name, int[] domainTargets, String oc, int expected) {
    PoolMapBuilder b = PoolMap.builder().firstDomainId(0);
    for (int i = 0; i < domainTargets.length; i++) {
      b.rank(i, "/node" + i, domainTargets[i]);
    }
    PoolMap map = b.build();
    java.util.Random rnd = new java.util.Random(1024);
    for (int i = 0; i < 1024; i++) {
      // like DAOS: several object ids, only the layout size is checked (duplicates are allowed here)
      Layout l = RANK_MAP.place(genOid(rnd.nextInt() & 0x7fffffff, rnd.nextInt() & 0x7fffffff,
          ObjectClass.byName(oc)), map);
      assertEquals(expected, l.shards().size());
      assertEquals(0, badCount(l));
    }
  }

  /**
   * A shard's target went DOWN and DOWNOUT (rebuilt elsewhere), then UP for regular reintegration: the I/O layout
   * keeps the rebuilt home (read) and adds the returning target as a peer of the same shard (written, not read)
   * until the reintegration ends; the layouts before and after the change (PRE_REBUILD, POST_REBUILD) have no peers.
   */
  @Test
  void one_is_being_reintegrated() {
    ObjectId oid = genOid(1, -1L, ObjectClass.byName("RP_3G2"));
    for (int k = 0; k < 6; k++) {
      PoolMap map = PoolMap.standard(7, 1, 2);
      int orig = RANK_MAP.place(oid, map).shard(k).target();
      map = map.update(MapOp.EXCLUDE, orig).update(MapOp.EXCLUDE_OUT, orig);
      int rebuilt = RANK_MAP.place(oid, map).shard(k).target();
      assertNotEquals(orig, rebuilt);
      map = map.update(MapOp.REINT, orig);

      Layout l = RANK_MAP.place(oid, map);
      assertEquals(rebuilt, l.shard(k).target(), "shard " + k + " is still read from its rebuilt home");
      assertFalse(l.shard(k).rebuilding());
      assertEquals(1, l.peers().size(), "shard " + k + ": one extra shard, the returning target");
      Shard peer = l.peers().get(0);
      assertEquals(k, peer.shard());
      assertEquals(orig, peer.target());
      assertTrue(peer.rebuilding() && peer.reintegrating());
      assertEquals(3 + 1, l.group(k / 3).size(), "the peer is written with its group");
      assertTrue(l.holds(k, orig) && l.holds(k, rebuilt));
      assertEquals(7, l.allShards().size());
      assertTrue(RANK_MAP.place(oid, map, LayoutMode.POST_REBUILD).peers().isEmpty());
      assertEquals(orig, RANK_MAP.place(oid, map, LayoutMode.POST_REBUILD).shard(k).target());
      assertTrue(RANK_MAP.place(oid, map.update(MapOp.ADD_IN, orig)).peers().isEmpty(), "UPIN: no peer");
    }
  }

  /** Drain every shard's target, with spare domains: every shard gets a peer on its new home, rebuilding. */
  @Test
  void drain_all_with_extra_domains() {
    PoolMap map = PoolMap.standard(4, 1, 2);
    ObjectId oid = genOid(1, -1L, ObjectClass.RP_2G2);
    Layout healthy = RANK_MAP.place(oid, map);
    for (Shard s : healthy.shards()) {
      map = map.update(MapOp.DRAIN, s.target());
    }
    Layout l = RANK_MAP.place(oid, map);
    assertEquals(8, l.allShards().size());
    assertEquals(4, l.allShards().stream().filter(Shard::rebuilding).count());
    for (int k = 0; k < 4; k++) {
      int shard = k;
      assertEquals(healthy.shard(k).target(), l.shard(k).target(), "the draining target is still read");
      assertFalse(l.shard(k).rebuilding());
      assertTrue(l.peers().stream().anyMatch(p -> p.shard() == shard && p.rebuilding()));
    }
  }

  /** Drain both shards of an RP_2G1 on two domains of four targets: the peers stay in the group's domains. */
  @Test
  void drain_all_with_enough_targets() {
    PoolMap map = PoolMap.standard(2, 1, 4);
    ObjectId oid = genOid(1, -1L, ObjectClass.RP_2G1);
    for (Shard s : RANK_MAP.place(oid, map).shards()) {
      map = map.update(MapOp.DRAIN, s.target());
    }
    Layout l = RANK_MAP.place(oid, map);
    assertEquals(0, badCount(l));
    for (int k = 0; k < 2; k++) {
      int shard = k;
      assertFalse(l.shard(k).rebuilding());
      assertTrue(l.peers().stream().anyMatch(p -> p.shard() == shard && p.rebuilding()), "shard " + k);
    }
  }

  /**
   * A fifth server's targets are NEW, then UP (extension): the I/O layout stays where it was (the new targets are
   * left out of the buckets) and gets, as peers, exactly the shards whose home after the extension differs (on the
   * new server: reintegrating; a few move between old servers as groups re-form), so writes during the extension reach
   * the new homes; once UPIN there are no peers.
   */
  @Test
  void one_server_is_added() {
    PoolMap map = PoolMap.standard(5, 1, 2);
    for (int t = 0; t < 2; t++) {
      map = map.withTarget(4, t, TargetState.NEW, 0, 0, 0, 0);
    }
    PoolMap added = map.updateRank(MapOp.EXTEND, 4);
    assertTrue(added.adding());
    int moving = 0;
    for (int o = 0; o < 64; o++) {
      ObjectId oid = genOid(o, -1L, ObjectClass.RP_2G2);
      Layout before = RANK_MAP.place(oid, map);
      Layout during = RANK_MAP.place(oid, added);
      Layout post = RANK_MAP.place(oid, added, LayoutMode.POST_REBUILD);
      assertEquals(before.shards(), during.shards(), "the I/O layout does not move during the extension");
      for (Shard s : during.shards()) {
        Shard home = post.shard(s.shard());
        boolean moves = home.target() != s.target();
        assertEquals(moves, during.peers().stream().anyMatch(p -> p.shard() == s.shard() && p.target() == home.target()
            && p.rebuilding() && p.reintegrating() == (p.rank() == 4)), oid + " shard " + s.shard() + " home "
            + home + " peers " + during.peers());
        if (moves && home.rank() == 4) {
          moving++;
        }
      }
      PoolMap done = added.updateRank(MapOp.ADD_IN, 4);
      assertFalse(done.adding());
      assertTrue(RANK_MAP.place(oid, done).peers().isEmpty());
    }
    assertTrue(moving > 0, "some shards move to the new server");
  }
}
