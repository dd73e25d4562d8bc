package io.daos.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Placement properties on maps built the way the control plane describes pools (default NODE domains). */
class JumpMapPropertiesTest {
  private static final JumpMap JM = JumpMap.create();

  private static PoolMap fourNodesTwoRanks() {
    PoolMapBuilder b = PoolMap.builder();
    for (int r = 0; r < 8; r++) {
      b.rank(r, "/host" + (r / 2), 4);
    }
    return b.build();
  }

  @Test
  void sxSpreadsOverEveryTargetOfEveryRank() {
    PoolMap map = fourNodesTwoRanks();
    Layout l = JM.place(ObjectId.byClass(7, 0, ObjectType.ARRAY_BYTE, ObjectClass.SX), map);
    Set<Integer> targets = l.shards().stream().map(Shard::target).collect(Collectors.toSet());
    assertEquals(32, targets.size());
    assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), l.shards().stream().map(Shard::rank).collect(Collectors.toSet()));
  }

  @Test
  void rp2g1ReplicasLandOnDifferentNodes() {
    PoolMap map = fourNodesTwoRanks();
    for (int i = 0; i < 500; i++) {
      Layout l = JM.place(ObjectId.byClass(i, i * 31L, ObjectType.MULTI_HASHED, ObjectClass.RP_2G1), map);
      assertNotEquals(l.shard(0).rank() / 2, l.shard(1).rank() / 2, "replicas of " + l.oid() + " share a node");
    }
  }

  @Test
  void sameMapSameLayout() {
    ObjectId oid = ObjectId.byClass(99, 5, ObjectType.MULTI_HASHED, ObjectClass.RP_3GX);
    assertEquals(JM.place(oid, fourNodesTwoRanks()), JM.place(oid, fourNodesTwoRanks()));
  }

  @Test
  void layoutIsStableAcrossRuns() {
    // regression golden captured from this implementation: any change to hashing or walking shows up here
    Layout l = JumpMap.create(DomainLevel.RANK).place(
        ObjectId.byClass(1, -1L, ObjectType.MULTI_HASHED, ObjectClass.RP_2G2), PoolMap.standard(4, 1, 4));
    assertEquals(GOLDEN_RP_2G2, l.shards().stream().map(Shard::target).collect(Collectors.toList()));
  }

  private static final List<Integer> GOLDEN_RP_2G2 = List.of(14, 2, 4, 9);

  @Test
  void onlyShardsOnTheDownTargetMove() {
    PoolMap map = fourNodesTwoRanks();
    for (int i = 0; i < 50; i++) {
      ObjectId oid = ObjectId.byClass(i, 0, ObjectType.MULTI_HASHED, ObjectClass.RP_2G2);
      Layout before = JM.place(oid, map);
      int down = before.shard(i % 4).target();
      Layout after = JM.place(oid, map.update(MapOp.EXCLUDE, down));
      for (int k = 0; k < 4; k++) {
        if (before.shard(k).target() == down) {
          assertNotEquals(down, after.shard(k).target());
          assertTrue(after.shard(k).rebuilding());
        } else {
          assertEquals(before.shard(k), after.shard(k));
        }
      }
    }
  }

  @Test
  void downoutShardIsRemappedAndNotRebuilding() {
    PoolMap map = fourNodesTwoRanks();
    ObjectId oid = ObjectId.byClass(3, 0, ObjectType.MULTI_HASHED, ObjectClass.RP_2G1);
    int t = JM.place(oid, map).shard(1).target();
    PoolMap out = map.update(MapOp.EXCLUDE, t).update(MapOp.EXCLUDE_OUT, t);
    assertEquals(map.version() + 2, out.version());
    Shard s = JM.place(oid, out).shard(1);
    assertNotEquals(t, s.target());
    assertFalse(s.rebuilding());
  }

  @Test
  void preRebuildLayoutKeepsTheDownTarget() {
    PoolMap map = fourNodesTwoRanks();
    ObjectId oid = ObjectId.byClass(3, 0, ObjectType.MULTI_HASHED, ObjectClass.RP_2G1);
    int t = JM.place(oid, map).shard(0).target();
    Shard s = JM.place(oid, map.update(MapOp.EXCLUDE, t), LayoutMode.PRE_REBUILD).shard(0);
    assertEquals(t, s.target());
    assertTrue(s.rebuilding());
  }

  @Test
  void dkeysSpreadOverAllGroupsAndStayPut() {
    Layout l = JM.place(ObjectId.byClass(1, 0, ObjectType.MULTI_HASHED, ObjectClass.SX), fourNodesTwoRanks());
    Set<Integer> groups = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      byte[] dkey = ("dkey-" + i).getBytes(StandardCharsets.UTF_8);
      int g = l.groupOf(dkey);
      assertEquals(g, DkeyHash.group(dkey, l.oid(), l.groups()));
      groups.add(g);
    }
    assertEquals(32, groups.size());
  }

  @Test
  void classWiderThanTheDomainsIsRejected() {
    DaosException e = assertThrows(DaosException.class, () -> JM.place(
        ObjectId.byClass(1, 0, ObjectType.MULTI_HASHED, ObjectClass.byName("EC_4P2G1")), fourNodesTwoRanks()));
    assertEquals(DaosStatus.INVAL, e.status());
  }

  @Test
  void mapOpsFollowDaosTransitions() {
    PoolMap map = fourNodesTwoRanks();
    PoolMap drained = map.update(MapOp.DRAIN, 0);
    assertEquals(TargetState.DRAIN, drained.target(0).state());
    assertEquals(2, drained.target(0).fseq());
    assertThrows(DaosException.class, () -> drained.update(MapOp.REINT, 0));
    PoolMap back = map.updateRank(MapOp.EXCLUDE, 1).updateRank(MapOp.REINT, 1).updateRank(MapOp.ADD_IN, 1);
    assertEquals(TargetState.UPIN, back.target(1, 3).state());
    assertEquals(1 + 12, back.version());
  }
}
