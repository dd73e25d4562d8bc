package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.ec.EcSingleValue;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Recx;
import io.daos.client.obj.RecxPage;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.InProcessCluster;
import io.daos.itest.MiniDaosCluster;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EC objects through libdaos (DAOS src/tests/suite/daos_obj_ec.c and daos_degrade_ec.c): EC_2P1 and EC_4P2 KVs and
 * arrays written and read back byte-exact, with unaligned ranges and holes, while healthy and with p engines of the
 * group killed just before the read (the cells of the dead shards rebuilt from the others). Its own cluster of 6
 * ranks × 1 target (EC_4P2 needs 6 fault domains); engines it kills are restarted after each test.
 */
class DaosObjEcTest {
  private static final long MIB = 1 << 20;
  private static final long ARRAY = 10 * MIB;
  static InProcessCluster sys;

  @TempDir
  static Path tmp;

  TestSystem cluster;
  DaosClient client;
  DaosPool pool;
  DaosContainer cont;

  @BeforeAll
  static void startCluster() throws IOException {
    sys = MiniDaosCluster.builder(tmp).inProcess().servers(6).engines(1).targets(1).replicas(1).crtTimeout(10)
        .start();
    sys.waitForReady();
  }

  @AfterAll
  static void stopCluster() {
    if (sys != null) {
      sys.close();
    }
  }

  @BeforeEach
  void setUp() {
    cluster = new TestSystem(sys, "ecpool", (1L << 30) / 6, 3);
    client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(10)).build();
    pool = client.connectPool("ecpool", PoolRpc.PC_RW);
    cont = open("eccont", ContainerProps.empty());
  }

  private DaosContainer open(String label, ContainerProps props) {
    pool.createContainer(props.withLabel(label).withRedundancyFactor(0).withRedundancyLevel(PropType.REDUN_LVL_RANK));
    DaosContainer c = pool.openContainer(label, ContRpc.COO_RW);
    cluster.useContainer(c.uuid());
    return c;
  }

  @AfterEach
  void tearDown() {
    client.close();
    cluster.close();
  }

  static Stream<String> classes() {
    return Stream.of("EC_2P1G1", "EC_4P2G1");
  }

  /** The array of the tests: 1-byte cells in 1 MiB chunks; what was written where, holes as zeros. */
  private static final class Model {
    final byte[] bytes = new byte[(int) ARRAY];
    final BitSet written = new BitSet();

    void write(DaosArray a, long at, int len, long seed) {
      byte[] b = ClientTestBase.random(len, seed);
      a.write(at, b);
      System.arraycopy(b, 0, bytes, (int) at, len);
      written.set((int) at, (int) at + len);
    }

    void punch(DaosArray a, long at, int len) {
      a.punch(at, len);
      Arrays.fill(bytes, (int) at, (int) at + len, (byte) 0);
      written.clear((int) at, (int) at + len);
    }

    /** The written extents of chunk {@code d - 1} (dkey {@code d}), in the chunk's record indices. */
    List<Recx> extents(long d) {
      List<Recx> out = new ArrayList<>();
      int base = (int) ((d - 1) * MIB);
      int i = written.nextSetBit(base);
      while (i >= 0 && i < base + MIB) {
        int end = Math.min(written.nextClearBit(i), (int) (base + MIB));
        out.add(new Recx(i - base, end - i));
        i = written.nextSetBit(end);
      }
      return out;
    }

    /**
     * listRecx of every chunk, a few extents a page, against {@link #extents}; not {@code exact} (a data shard
     * lost): every written record is listed, and what is listed lies in stripes of {@code stripe} records that hold
     * written records.
     */
    void checkRecx(DaosArray a, String when, boolean exact, long stripe) {
      for (long d = 1; d <= ARRAY / MIB; d++) {
        List<Recx> got = new ArrayList<>();
        Anchor an = Anchor.start();
        while (!an.isEof()) {
          RecxPage page = a.object().listRecx(Keys.u64(d), new byte[] {'0'}, an, exact ? 2 : 100);
          assertTrue(page.recxs().size() <= (exact ? 2 : 100));
          got.addAll(page.recxs());
          an = page.anchor();
        }
        if (exact) {
          assertEquals(extents(d), got, when + ": extents of dkey " + d);
          continue;
        }
        BitSet listed = new BitSet();
        for (Recx r : got) {
          listed.set((int) r.index(), (int) r.end());
        }
        for (Recx r : extents(d)) {
          assertEquals(r.count(), listed.get((int) r.index(), (int) r.end()).cardinality(),
              when + ": dkey " + d + " lists " + r);
          listed.clear((int) r.index(), (int) r.end());
        }
        for (int i = listed.nextSetBit(0); i >= 0; i = listed.nextSetBit(i + 1)) {
          long s0 = (d - 1) * MIB + i / stripe * stripe;
          assertTrue(written.get((int) s0, (int) (s0 + stripe)).cardinality() > 0,
              when + ": dkey " + d + " lists record " + i + " in a stripe nothing was written to");
        }
      }
    }

    void check(DaosArray a, String when) {
      assertArrayEquals(bytes, a.read(0, ARRAY), when + ": the whole array");
      long[][] windows = {{1, 1}, {3 * MIB + 12_000, 700}, {5 * MIB - 1000, 300_000}, {128 * 1024 - 3, 7},
          {6 * MIB + 4090, 20}, {7 * MIB, 257}, {ARRAY - 5001, 5001}, {4 * MIB, 1}};
      for (long[] w : windows) {
        byte[] want = Arrays.copyOfRange(bytes, (int) w[0], (int) (w[0] + w[1]));
        assertArrayEquals(want, a.read(w[0], w[1]), when + ": [" + w[0] + ", +" + w[1] + ")");
      }
    }
  }

  /** 10 MiB with unaligned writes, an overwrite inside a stripe, a punch and holes. */
  private static Model fill(DaosArray a) {
    Model m = new Model();
    m.write(a, 0, (int) (3 * MIB + 12_345), 1);
    m.write(a, 5 * MIB - 777, (int) (MIB + 4_874), 2);
    m.write(a, 7 * MIB + 1, 100, 3);
    m.write(a, MIB + 100, 200 * 1024, 4);
    m.write(a, ARRAY - 5000, 5000, 5);
    m.punch(a, 2 * MIB + 10, 70_000);
    return m;
  }

  private static Iod sv(String akey, byte[] v) {
    return Iod.single(Keys.utf8(akey), v);
  }

  private static byte[] get(DaosObject o, String dkey, String akey) {
    FetchedIod f = o.fetch(Keys.utf8(dkey), List.of(Iod.singleFetch(Keys.utf8(akey), 0))).get(0);
    return f.isEmpty() ? null : f.data();
  }

  // --- healthy -------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_kv_io(String oc) {
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.byName(oc), 0));
    int k = ObjectClass.byName(oc).redundancy().dataCells();
    int big = (int) EcSingleValue.evenDistThreshold(k) + 1;
    for (int i = 0; i < 20; i++) {
      kv.put("key" + i, ClientTestBase.random(i % 2 == 0 ? 10 + i : big + 1000 * i, i));
    }
    for (int i = 0; i < 20; i++) {
      assertArrayEquals(ClientTestBase.random(i % 2 == 0 ? 10 + i : big + 1000 * i, i), kv.get("key" + i), "key" + i);
    }
    assertNull(kv.get("nope"));
    assertEquals(20, kv.keys().size());
    kv.remove("key3");
    assertNull(kv.get("key3"));
    assertEquals(19, kv.keys().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_singv_overwrite(String oc) {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.byName(oc), 0));
    byte[] small = ClientTestBase.random(100, 1);
    byte[] large = ClientTestBase.random(50_001, 2);
    o.update(Keys.utf8("d"), List.of(sv("a", small)));
    assertArrayEquals(small, get(o, "d", "a"));
    o.update(Keys.utf8("d"), List.of(sv("a", large)));
    assertArrayEquals(large, get(o, "d", "a"));
    o.update(Keys.utf8("d"), List.of(sv("a", small)));
    assertArrayEquals(small, get(o, "d", "a"));
    DaosException e = assertThrows(DaosException.class,
        () -> o.fetch(Keys.utf8("d"), List.of(Iod.singleFetch(Keys.utf8("a"), 10))));
    assertEquals(DaosStatus.REC2BIG, e.status());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_single_value_array_mixed_io(String oc) {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.byName(oc), 0));
    byte[] arr = ClientTestBase.random(300_000, 7);
    byte[] v = ClientTestBase.random(9_000, 8);
    o.update(Keys.utf8("d"), List.of(sv("sv", v), Iod.array(Keys.utf8("arr"), 1, List.of(new Recx(1000, 300_000)),
        arr)));
    List<FetchedIod> got = o.fetch(Keys.utf8("d"), List.of(Iod.singleFetch(Keys.utf8("sv"), 0),
        Iod.arrayFetch(Keys.utf8("arr"), 1, List.of(new Recx(0, 302_000)))));
    assertArrayEquals(v, got.get(0).data());
    byte[] want = new byte[302_000];
    System.arraycopy(arr, 0, want, 1000, arr.length);
    assertArrayEquals(want, got.get(1).data());
    assertEquals(List.of(new Recx(1000, 300_000)), got.get(1).extents());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_dkey_list_and_punch(String oc) {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.byName(oc), 0));
    Set<String> want = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      o.update(Keys.utf8("dkey" + i), List.of(sv("a", ClientTestBase.random(i % 3 == 0 ? 20_000 : 5, i))));
      want.add("dkey" + i);
    }
    Set<String> seen = new HashSet<>();
    Anchor a = Anchor.start();
    while (!a.isEof()) {
      KeyPage p = o.listDkeys(a, 7);
      p.keys().forEach(k -> assertTrue(seen.add(new String(k, java.nio.charset.StandardCharsets.UTF_8)), "dup"));
      a = p.anchor();
    }
    assertEquals(want, seen);
    o.punchDkeys(List.of(Keys.utf8("dkey0"), Keys.utf8("dkey1")));
    assertEquals(48, o.listAllDkeys().size());
    assertNull(get(o, "dkey0", "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_akey_list_and_punch(String oc) {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.byName(oc), 0));
    List<Iod> iods = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      iods.add(i % 2 == 0 ? sv("akey" + i, ClientTestBase.random(30, i))
          : Iod.array(Keys.utf8("akey" + i), 1, List.of(new Recx(i * 1000L, 500)), ClientTestBase.random(500, i)));
    }
    o.update(Keys.utf8("d"), iods);
    List<byte[]> keys = o.listAkeys(Keys.utf8("d"), Anchor.start(), 100).keys();
    assertEquals(10, keys.size());
    o.punchAkeys(Keys.utf8("d"), List.of(Keys.utf8("akey0"), Keys.utf8("akey1")));
    assertEquals(8, o.listAkeys(Keys.utf8("d"), Anchor.start(), 100).keys().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(180)
  void ec_array_io_unaligned_with_holes(String oc) {
    DaosArray a = cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.byName(oc), 0), 1, MIB);
    Model m = fill(a);
    m.check(a, "healthy");
    assertEquals(ARRAY, a.getSize());
  }

  /** daos_obj_list_recx on EC (DAOS obj_ec_recxs_convert): extents from the data shards in the array's indices. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_list_recx_unaligned_with_holes(String oc) {
    DaosArray a = cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.byName(oc), 0), 1, MIB);
    Model m = fill(a);
    m.write(a, 8 * MIB + 3, 10, 6);
    m.write(a, 8 * MIB + 128 * 1024 - 5, 10, 7);
    m.write(a, 8 * MIB + 900_000, 1, 8);
    m.checkRecx(a, "healthy", true, 0);
    RecxPage none = a.object().listRecx(Keys.u64(99), new byte[] {'0'}, Anchor.start(), 10);
    assertTrue(none.recxs().isEmpty() && none.anchor().isEof());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(120)
  void ec_punch_check_size(String oc) {
    DaosArray a = cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.byName(oc), 0), 1, MIB);
    Model m = new Model();
    m.write(a, 0, (int) (2 * MIB + 333), 1);
    assertEquals(2 * MIB + 333, a.getSize());
    m.write(a, 100, 10, 2);
    assertEquals(2 * MIB + 333, a.getSize());
    a.setSize(MIB + 5);
    assertEquals(MIB + 5, a.getSize());
    assertArrayEquals(Arrays.copyOf(m.bytes, (int) (MIB + 5)), a.read(0, MIB + 5));
    assertArrayEquals(new byte[1000], a.read(MIB + 5, 1000));
  }

  @Test
  @Timeout(120)
  void ec_cell_size_from_container_property() {
    DaosContainer c = open("cell64k", ContainerProps.empty().withNumber(PropType.CO_EC_CELL_SZ, 64 * 1024));
    DaosObject o = c.openObject(c.generateOid(ObjectType.ARRAY, ObjectClass.EC_2P1G1, 0));
    assertEquals(64 * 1024, o.ec().cellRecords());
    DaosArray a = c.createArray(o.oid(), 1, MIB);
    Model m = new Model();
    m.write(a, 70_000, 200_000, 9);
    assertArrayEquals(Arrays.copyOfRange(m.bytes, 0, 400_000), a.read(0, 400_000));
    assertEquals(128 * 1024, cont.openObject(cont.generateOid(ObjectType.ARRAY, ObjectClass.EC_2P1G1, 0)).ec()
        .cellRecords());
  }

  // --- degraded ------------------------------------------------------------------------------------------------

  /** {@code n} ranks of group 0 of {@code o} that hold no pool-service replica and no MS replica. */
  private List<Integer> victims(DaosObject o, int n) {
    Set<Integer> keep = new HashSet<>(cluster.serviceReplicas());
    keep.addAll(sys.ranksOf(0));
    List<Integer> out = o.layout().group(0).stream().map(Shard::rank).filter(r -> !keep.contains(r)).distinct()
        .limit(n).toList();
    assertEquals(n, out.size(), "ranks to kill among " + o.layout().group(0));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  @Timeout(240)
  void degrade_io_with_tgts_fail(String oc) {
    ObjectClass cls = ObjectClass.byName(oc);
    int p = cls.redundancy().parityCells();
    // rd_fac p: the exclusion of the dead ranks that self-heal may make during the reads keeps it HEALTHY
    String label = "ecdeg" + p;
    pool.createContainer(ContainerProps.empty().withLabel(label).withRedundancyFactor(p)
        .withRedundancyLevel(PropType.REDUN_LVL_RANK));
    DaosContainer c = pool.openContainer(label, ContRpc.COO_RW);
    cluster.useContainer(c.uuid());
    DaosArray a = c.createArray(c.generateOid(ObjectType.ARRAY, cls, 0), 1, MIB);
    DaosKv kv = c.openKv(c.generateOid(ObjectType.KV_HASHED, cls, 0));
    Model m = fill(a);
    for (int i = 0; i < 12; i++) {
      kv.put("key" + i, ClientTestBase.random(i % 2 == 0 ? 50 + i : 40_000 + i, 100 + i));
    }
    // Kill p engines of the array's dkey 1 group (EC_*G1: one group holds every dkey).
    List<Integer> dead = victims(a.object(), p);
    dead.forEach(cluster::stop);
    m.checkRecx(a, "with ranks " + dead + " killed", false, cls.redundancy().dataCells() * 128 * 1024);
    m.check(a, "with ranks " + dead + " killed");
    for (int i = 0; i < 12; i++) {
      assertArrayEquals(ClientTestBase.random(i % 2 == 0 ? 50 + i : 40_000 + i, 100 + i), kv.get("key" + i),
          "key" + i + " with ranks " + dead + " killed");
    }
    assertEquals(12, kv.keys().size());
    assertEquals(ARRAY, a.getSize());
  }
}
