package io.daos.itest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.client.DaosArray;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosObject;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.placement.Layout;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The data path with real processes: daos_server with two engines, daos_agent, a pool made by dmg, and libdaos
 * in this JVM writing and reading KV pairs, arrays and multi-dkey objects with exact bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.PROCESSES)
class DataPathTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;
  private DataSystem sys;
  private DaosClient client;
  private DaosPool pool;
  private DaosContainer cont;
  private long usedBefore;

  @BeforeAll
  void start() throws Exception {
    sys = DataSystem.start(dir, "tank", "8G");
    usedBefore = usedBytes();
    client = sys.client();
  }

  @AfterAll
  void stop() throws Exception {
    try (DataSystem s = sys; DaosClient c = client) {
      if (cont != null) {
        cont.close();
      }
      if (pool != null) {
        pool.close();
      }
    }
  }

  @Test
  @Order(1)
  void connectAndCreatePosixContainer() {
    pool = client.connectPool("tank", DaosPool.RW);
    assertEquals(4, pool.poolMap().targetCount(), pool.poolMap().toString());
    pool.createContainer(ContainerProps.empty().withLabel("c1").withLayoutType(PropType.LAYOUT_POSIX));
    cont = pool.openContainer("c1", DaosContainer.RW);
    assertEquals("c1", cont.label());
    assertEquals(PropType.LAYOUT_POSIX, cont.query().props().layoutType());
    assertTrue(pool.listContainers().stream().anyMatch(c -> "c1".equals(c.label())));
  }

  @Test
  @Order(2)
  void kvValuesFromOneByteToOneMebibyteReadBackExactly() {
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
    int[] sizes = {1, 4096, 65536, 1 << 20};
    Random rnd = new Random(7);
    List<byte[]> values = new ArrayList<>();
    for (int size : sizes) {
      byte[] v = new byte[size];
      rnd.nextBytes(v);
      values.add(v);
      kv.put("key-" + size, v);
    }
    for (int i = 0; i < sizes.length; i++) {
      assertArrayEquals(values.get(i), kv.get("key-" + sizes[i]), "value of " + sizes[i] + " bytes");
      assertEquals(sizes[i], kv.size(("key-" + sizes[i]).getBytes(UTF_8)));
    }
    assertNull(kv.get("absent"));
    Set<String> keys = new TreeSet<>();
    kv.keys().forEach(k -> keys.add(new String(k, UTF_8)));
    assertEquals(Set.of("key-1", "key-4096", "key-65536", "key-1048576"), keys);
    kv.remove("key-1");
    assertNull(kv.get("key-1"));
  }

  @Test
  @Order(3)
  void arrayTenMebibytesUnalignedReadsHolesAndSize() {
    DaosArray a = cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.SX, 0), 1, 1 << 20);
    byte[] data = new byte[10 << 20];
    new Random(11).nextBytes(data);
    a.write(0, data);
    assertEquals(data.length, a.getSize());
    assertArrayEquals(data, a.read(0, data.length));
    for (long[] r : new long[][] {{1, 17}, {(1 << 20) - 3, 9}, {12345, 3 << 20}, {data.length - 5, 5}}) {
      byte[] got = a.read(r[0], r[1]);
      assertArrayEquals(Arrays.copyOfRange(data, (int) r[0], (int) (r[0] + r[1])), got, "range " + r[0]);
    }
    long far = 20L << 20;
    a.write(far, "tail".getBytes(UTF_8));
    assertEquals(far + 4, a.getSize());
    byte[] hole = a.read(data.length, 4096);
    assertArrayEquals(new byte[4096], hole, "a hole must read as zeros");
    byte[] across = a.read(far - 2, 6);
    assertArrayEquals(new byte[] {0, 0, 't', 'a', 'i', 'l'}, across);
    a.setSize(5 << 20);
    assertEquals(5 << 20, a.getSize());
    assertArrayEquals(new byte[16], a.read((5 << 20), 16), "truncated cells must read as zeros");
    assertArrayEquals(Arrays.copyOfRange(data, (5 << 20) - 16, 5 << 20), a.read((5 << 20) - 16, 16));
    a.setSize(6 << 20);
    assertEquals(6 << 20, a.getSize());
  }

  @Test
  @Order(4)
  void multiDkeyObjectEnumeratesAndPunches() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.SX, 0));
    Set<String> dkeys = new TreeSet<>();
    for (int d = 0; d < 40; d++) {
      String dk = "dkey-" + d;
      dkeys.add(dk);
      List<Iod> iods = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        iods.add(Iod.single(Iod.key("akey-" + k), (dk + "/" + k).getBytes(UTF_8)));
      }
      o.update(Iod.key(dk), iods);
    }
    assertEquals(dkeys, strings(o.listAllDkeys()));
    byte[] dk7 = Iod.key("dkey-7");
    List<FetchedIod> got = o.fetch(dk7, List.of(Iod.singleFetch(Iod.key("akey-2"), 64)));
    assertEquals("dkey-7/2", new String(got.get(0).data(), UTF_8));
    assertEquals(Set.of("akey-0", "akey-1", "akey-2"), strings(o.listAkeys(dk7, Anchor.start(), 100).keys()));

    o.punchAkeys(dk7, List.of(Iod.key("akey-1")));
    assertEquals(Set.of("akey-0", "akey-2"), strings(o.listAkeys(dk7, Anchor.start(), 100).keys()));
    o.punchDkeys(List.of(dk7, Iod.key("dkey-8")));
    dkeys.removeAll(Set.of("dkey-7", "dkey-8"));
    assertEquals(dkeys, strings(o.listAllDkeys()));
    assertEquals(0, o.fetch(dk7, List.of(Iod.singleFetch(Iod.key("akey-2"), 64))).get(0).size());
    o.punch();
    assertEquals(Set.of(), strings(o.listAllDkeys()));
  }

  @Test
  @Order(5)
  void sxObjectSpreadsOverEveryTargetOfBothEnginesAndIsStable() {
    ObjectId oid = cont.encodeOid(0x1234, 0, ObjectType.MULTI_HASHED, ObjectClass.SX, 0);
    Layout first = cont.openObject(oid).layout();
    assertEquals(4, first.shards().size(), first.toString());
    Set<String> targets = new TreeSet<>();
    Set<Integer> poolTargets = new TreeSet<>();
    for (Shard s : first.shards()) {
      assertTrue(s.placed(), first.toString());
      targets.add(s.rank() + ":" + s.index());
      poolTargets.add(s.target());
    }
    assertEquals(Set.of("0:0", "0:1", "1:0", "1:1"), targets, first.toString());
    assertEquals(Set.of(0, 1, 2, 3), poolTargets);
    try (DaosClient other = sys.client(); DaosPool p2 = other.connectPool("tank", DaosPool.RO);
         DaosContainer c2 = p2.openContainer("c1", DaosContainer.RO)) {
      assertEquals(first.shards(), c2.openObject(oid).layout().shards(), "placement of a fixed OID changed");
    }
    // Data written through every shard lands on its target and reads back.
    DaosObject o = cont.openObject(oid);
    Set<Integer> groups = new TreeSet<>();
    for (int d = 0; d < 64; d++) {
      byte[] dk = Iod.key("spread-" + d);
      groups.add(o.groupOf(dk));
      o.update(dk, List.of(Iod.single(Iod.key("a"), dk)));
    }
    assertEquals(Set.of(0, 1, 2, 3), groups, "64 dkeys should hash to every group of an SX object");
    for (int d = 0; d < 64; d++) {
      byte[] dk = Iod.key("spread-" + d);
      assertArrayEquals(dk, o.fetch(dk, List.of(Iod.singleFetch(Iod.key("a"), 64))).get(0).data());
    }
  }

  /**
   * DAOS's {@code daos_epoch.c} EPOCH4 "snapshots": each container snapshot, read through a snapshot view
   * ({@code daos_tx_open_snap}), sees exactly the values, removals and dkeys written before it.
   */
  @Test
  @Order(7)
  void EPOCH4_snapshots() {
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
    int records = 24;
    List<Long> snaps = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < records; i++) {
        if (round == 2 && i % 2 == 0) {
          kv.remove(("k" + i).getBytes(UTF_8));
        } else if (round == 0 || i % 4 != 0) {
          kv.put("k" + i, snapValue(round, i));
        }
      }
      snaps.add(cont.createSnapshot("s" + round));
    }
    for (int round = 0; round < 3; round++) {
      DaosKv at = kv.atSnapshot(snaps.get(round));
      Set<String> want = new TreeSet<>();
      for (int i = 0; i < records; i++) {
        byte[] expect = snapExpected(round, i);
        if (expect == null) {
          assertNull(at.get("k" + i), "snapshot " + round + ", k" + i + " was removed before it");
        } else {
          want.add("k" + i);
          assertArrayEquals(expect, at.get("k" + i), "snapshot " + round + ", k" + i);
        }
      }
      Set<String> listed = new TreeSet<>();
      at.object().listAllDkeys().forEach(k -> listed.add(new String(k, UTF_8)));
      assertEquals(want, listed, "dkeys listed at snapshot " + round);
    }
    assertArrayEquals(snapValue(2, 1), kv.get("k1"), "the latest view is unchanged");

    DaosArray a = cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.SX, 0), 1, 1 << 20);
    byte[] first = new byte[3 << 20];
    new Random(5).nextBytes(first);
    a.write(0, first);
    long snap = cont.createSnapshot("array");
    byte[] second = new byte[1 << 20];
    new Random(6).nextBytes(second);
    a.write(1 << 19, second);
    a.setSize(5 << 20);
    DaosArray old = a.atSnapshot(snap);
    assertEquals(3 << 20, old.getSize());
    assertArrayEquals(first, old.read(0, 3 << 20));
    assertEquals(5 << 20, a.getSize());
  }

  private static byte[] snapValue(int round, int i) {
    return ("round " + round + " record " + i).getBytes(UTF_8);
  }

  /** What k{i} held at snapshot {round}: written in round 0, rewritten unless i % 4 == 0, even ones removed in 2. */
  private static byte[] snapExpected(int round, int i) {
    if (round == 2 && i % 2 == 0) {
      return null;
    }
    int last = 0;
    for (int r = 1; r <= round; r++) {
      if (i % 4 != 0) {
        last = r;
      }
    }
    return snapValue(last, i);
  }

  @Test
  @Order(6)
  void poolQueryShowsUsedSpaceGrewAfterTheWrites() {
    long used = usedBytes();
    assertTrue(used >= usedBefore + (10 << 20), "used space did not grow by the 10 MiB array: before "
        + usedBefore + ", after " + used);
  }

  /** Used bytes over both tiers; checks that the totals cover every target of both ranks. */
  private long usedBytes() {
    JsonObject env = sys.server().dmgJson("pool", "query", "tank");
    assertEquals(0, env.get("status").getAsInt(), env.toString());
    JsonObject resp = env.getAsJsonObject("response");
    assertEquals(4, resp.get("total_targets").getAsInt(), env.toString());
    JsonArray tiers = resp.getAsJsonArray("tier_stats");
    JsonArray perRank = sys.created().getAsJsonArray("tier_bytes");
    long used = 0;
    for (int i = 0; i < tiers.size(); i++) {
      JsonObject o = tiers.get(i).getAsJsonObject();
      assertEquals(perRank.get(i).getAsLong() * DataSystem.ENGINES, o.get("total").getAsLong(),
          "tier " + i + " total does not cover both ranks: " + env);
      used += o.get("total").getAsLong() - o.get("free").getAsLong();
    }
    return used;
  }

  private static Set<String> strings(List<byte[]> keys) {
    Set<String> s = new TreeSet<>();
    keys.forEach(k -> s.add(new String(k, UTF_8)));
    return s;
  }
}
