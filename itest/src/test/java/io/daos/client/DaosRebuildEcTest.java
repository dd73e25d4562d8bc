package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.client.obj.Recx;
import io.daos.client.pool.RebuildState;
import io.daos.itest.InProcessCluster;
import io.daos.itest.MiniDaosCluster;
import io.daos.placement.Shard;
import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rebuild of lost EC shards (DAOS src/tests/suite/daos_rebuild_ec.c, 8 nodes): KV values (small and large single
 * values), an object holding single values and an array akey written in partial and full stripes with a snapshot
 * between two versions, and a 10 MiB array with unaligned writes, an overwrite, a punch and holes; then the data
 * and/or parity shards of one dkey's group are excluded ({@code dmg pool exclude}), the rebuild re-creates them from
 * the survivors, and everything reads back byte-exact (values, snapshot view, array, sizes, key lists); then p other
 * engines of the group are killed, so that the reads must use the rebuilt shards' cells. Its own cluster of
 * 8 ranks × 1 target.
 */
class DaosRebuildEcTest {
  private static final long MIB = 1 << 20;
  private static final long ARRAY = 10 * MIB;
  private static final Duration WAIT = Duration.ofSeconds(180);
  static InProcessCluster sys;

  @TempDir
  static Path tmp;

  TestSystem cluster;
  DaosClient client;
  DaosPool pool;
  DaosContainer cont;

  @BeforeAll
  static void startCluster() throws IOException {
    sys = MiniDaosCluster.builder(tmp).inProcess().servers(8).engines(1).targets(1).replicas(1).crtTimeout(10)
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
    cluster = new TestSystem(sys, "rbecpool", (1L << 30) / 8, 1);
    client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(10)).build();
    pool = client.connectPool("rbecpool", PoolRpc.PC_RW);
  }

  /** The container of a case: rd_fac p, so that p failed ranks keep it healthy. */
  private void open(int rdFac) {
    pool.createContainer(ContainerProps.empty().withLabel("rbec").withRedundancyFactor(rdFac)
        .withRedundancyLevel(PropType.REDUN_LVL_RANK));
    cont = pool.openContainer("rbec", ContRpc.COO_RW);
    cluster.useContainer(cont.uuid());
  }

  @AfterEach
  void tearDown() {
    client.close();
    cluster.close();
  }

  /** One case of daos_rebuild_ec.c: the class, and how many data and parity shards of dkey "d"'s group fail. */
  record Case(String name, String oc, int data, int parity) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(new Case("rebuild_partial_fail_data", "EC_2P1G1", 1, 0),
        new Case("rebuild_partial_fail_parity", "EC_2P1G1", 0, 1),
        new Case("rebuild2p_partial_fail_2data", "EC_4P2G1", 2, 0),
        new Case("rebuild2p_partial_fail_data_parity", "EC_4P2G1", 1, 1),
        new Case("rebuild2p_partial_fail_2parity", "EC_4P2G1", 0, 2));
  }

  /** What was written, to check every read against. */
  private static final class Expect {
    final byte[] array = new byte[(int) ARRAY];
    final List<byte[]> kv = new ArrayList<>();
    byte[] small;
    byte[] large;
    byte[] akeyArr;
    byte[] akeyArrAtSnap;
    byte[] smallAtSnap;
    long snap;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(600)
  void rebuild_ec(Case c) throws Exception {
    ObjectClass cls = ObjectClass.byName(c.oc());
    int p = cls.redundancy().parityCells();
    open(p);
    DaosObject o = roleObject(cls, c);
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, cls, 0));
    DaosArray a = cont.createArray(cont.generateOid(ObjectType.ARRAY, cls, 0), 1, MIB);
    Expect x = new Expect();
    write(o, kv, a, x);

    List<Integer> victims = victims(o, c);
    int before = pool.refreshMap().version();
    victims.forEach(this::excludeRank);
    int version = pool.refreshMap().version();
    assertTrue(version > before, "the exclusion changed the map");
    RebuildState st = waitRebuilt(version);
    assertTrue(st.objects() >= 1 && st.errno() == 0, "objects rebuilt: " + st);

    try (DaosClient fresh = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(10)).build()) {
      DaosContainer fc = fresh.connectPool("rbecpool", PoolRpc.PC_RW).openContainer("rbec", ContRpc.COO_RW);
      check(fc, o, kv, a, x, "after the rebuild of ranks " + victims);
      for (Shard s : fc.openObject(o.oid()).layout().group(0)) {
        assertTrue(s.placed() && !s.rebuilding() && !victims.contains(s.rank()), "rebuilt layout " + s);
      }
      List<Integer> killed = others(fc.openObject(o.oid()), victims, p);
      killed.forEach(cluster::stop);
      check(fc, o, kv, a, x, "rebuilt on " + victims + ", then ranks " + killed + " killed");
    }
  }

  /** An object whose dkey "d" puts enough non-service ranks in the roles the case fails. */
  private DaosObject roleObject(ObjectClass cls, Case c) {
    for (int i = 0; i < 200; i++) {
      DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, cls, 0));
      if (roleRanks(o, c) != null) {
        return o;
      }
    }
    throw new AssertionError("no object of " + cls + " puts " + c + "'s roles outside the service ranks");
  }

  private Set<Integer> keep() {
    Set<Integer> keep = new HashSet<>(cluster.serviceReplicas());
    keep.addAll(sys.ranksOf(0));
    return keep;
  }

  /** Ranks of dkey "d"'s data cells then parity cells that the case fails, or null when one is a service rank. */
  private List<Integer> roleRanks(DaosObject o, Case c) {
    int k = o.oid().objectClass().redundancy().dataCells();
    int n = o.oid().objectClass().redundancy().groupSize();
    int start = (int) Long.remainderUnsigned(DkeyHash.hash(o.oid(), Keys.utf8("d")), n);
    List<Shard> g = o.layout().group(0);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < c.data(); i++) {
      out.add(g.get((start + i) % n).rank());
    }
    for (int j = 0; j < c.parity(); j++) {
      out.add(g.get((start + k + j) % n).rank());
    }
    Set<Integer> keep = keep();
    return out.stream().anyMatch(keep::contains) ? null : out;
  }

  private List<Integer> victims(DaosObject o, Case c) {
    return roleRanks(o, c);
  }

  /** Up to {@code n} ranks of the group, neither excluded nor service ranks, at least one. */
  private List<Integer> others(DaosObject o, List<Integer> excluded, int n) {
    Set<Integer> keep = keep();
    List<Integer> out = o.layout().group(0).stream().map(Shard::rank)
        .filter(r -> !keep.contains(r) && !excluded.contains(r)).distinct().limit(n).toList();
    assertTrue(!out.isEmpty(), "a rank of " + o.layout().group(0) + " to kill");
    return out;
  }

  private void write(DaosObject o, DaosKv kv, DaosArray a, Expect x) {
    int k = o.oid().objectClass().redundancy().dataCells();
    for (int i = 0; i < 12; i++) {
      byte[] v = ClientTestBase.random(i % 2 == 0 ? 50 + i : 40_000 + i, 100 + i);
      kv.put("key" + i, v);
      x.kv.add(v);
    }
    x.small = ClientTestBase.random(300, 1);
    x.large = ClientTestBase.random((int) io.daos.client.obj.ec.EcSingleValue.evenDistThreshold(k) * 3 + 5, 2);
    byte[] d = Keys.utf8("d");
    // A partial stripe, then a full stripe over it: REBUILD4's full-then-partial and REBUILD6's partial-then-full.
    int stripe = k * 128 * 1024;
    x.akeyArr = new byte[3 * stripe];
    byte[] part = ClientTestBase.random(70_000, 3);
    o.update(d, List.of(Iod.single(Keys.utf8("sv"), x.small), Iod.single(Keys.utf8("big"), x.large),
        Iod.array(Keys.utf8("arr"), 1, List.of(new Recx(1000, part.length)), part)));
    System.arraycopy(part, 0, x.akeyArr, 1000, part.length);
    byte[] full = ClientTestBase.random(stripe, 4);
    o.update(d, List.of(Iod.array(Keys.utf8("arr"), 1, List.of(new Recx(stripe, stripe)), full)));
    System.arraycopy(full, 0, x.akeyArr, stripe, stripe);
    x.akeyArrAtSnap = x.akeyArr.clone();
    x.smallAtSnap = x.small;
    x.snap = cont.createSnapshot("s1");
    byte[] over = ClientTestBase.random(stripe + 3000, 5);
    o.update(d, List.of(Iod.array(Keys.utf8("arr"), 1, List.of(new Recx(500, over.length)), over)));
    System.arraycopy(over, 0, x.akeyArr, 500, over.length);
    x.small = ClientTestBase.random(200, 6);
    o.update(d, List.of(Iod.single(Keys.utf8("sv"), x.small)));
    kv.remove("key3");
    x.kv.set(3, null);

    write(a, x, 0, (int) (3 * MIB + 12_345), 11);
    write(a, x, 5 * MIB - 777, (int) (MIB + 4_874), 12);
    write(a, x, 7 * MIB + 1, 100, 13);
    write(a, x, MIB + 100, 200 * 1024, 14);
    write(a, x, ARRAY - 5000, 5000, 15);
    a.punch(2 * MIB + 10, 70_000);
    Arrays.fill(x.array, (int) (2 * MIB + 10), (int) (2 * MIB + 10 + 70_000), (byte) 0);
  }

  private static void write(DaosArray a, Expect x, long at, int len, long seed) {
    byte[] b = ClientTestBase.random(len, seed);
    a.write(at, b);
    System.arraycopy(b, 0, x.array, (int) at, len);
  }

  private static void check(DaosContainer c, DaosObject o0, DaosKv kv0, DaosArray a0, Expect x, String when) {
    DaosKv kv = c.openKv(kv0.object().oid());
    for (int i = 0; i < x.kv.size(); i++) {
      assertArrayEquals(x.kv.get(i), kv.get("key" + i), when + ": key" + i);
    }
    assertEquals(11, kv.keys().size(), when + ": KV keys");
    DaosObject o = c.openObject(o0.oid());
    byte[] d = Keys.utf8("d");
    int n = x.akeyArr.length;
    List<FetchedIod> got = o.fetch(d, List.of(Iod.singleFetch(Keys.utf8("sv"), 0),
        Iod.singleFetch(Keys.utf8("big"), 0), Iod.arrayFetch(Keys.utf8("arr"), 1, List.of(new Recx(0, n)))));
    assertArrayEquals(x.small, got.get(0).data(), when + ": small single value");
    assertArrayEquals(x.large, got.get(1).data(), when + ": large single value");
    assertArrayEquals(x.akeyArr, got.get(2).data(), when + ": array akey");
    List<FetchedIod> snap = o.atSnapshot(x.snap).fetch(d, List.of(Iod.singleFetch(Keys.utf8("sv"), 0),
        Iod.arrayFetch(Keys.utf8("arr"), 1, List.of(new Recx(0, n)))));
    assertArrayEquals(x.smallAtSnap, snap.get(0).data(), when + ": small single value at the snapshot");
    assertArrayEquals(x.akeyArrAtSnap, snap.get(1).data(), when + ": array akey at the snapshot");
    TreeSet<String> akeys = new TreeSet<>();
    o.listAkeys(d, io.daos.client.obj.Anchor.start(), 100).keys()
        .forEach(k -> akeys.add(new String(k, StandardCharsets.UTF_8)));
    assertEquals(new TreeSet<>(List.of("arr", "big", "sv")), akeys, when + ": akeys");
    assertEquals(1, o.listAllDkeys().size(), when + ": dkeys");

    DaosArray a = c.openArray(a0.object().oid());
    assertArrayEquals(x.array, a.read(0, ARRAY), when + ": the whole array");
    long[][] windows = {{1, 1}, {3 * MIB + 12_000, 700}, {5 * MIB - 1000, 300_000}, {128 * 1024 - 3, 7},
        {6 * MIB + 4090, 20}, {7 * MIB, 257}, {ARRAY - 5001, 5001}, {2 * MIB, 80_000}};
    for (long[] w : windows) {
      assertArrayEquals(Arrays.copyOfRange(x.array, (int) w[0], (int) (w[0] + w[1])), a.read(w[0], w[1]),
          when + ": [" + w[0] + ", +" + w[1] + ")");
    }
    assertEquals(ARRAY, a.getSize(), when + ": array size");
  }

  /** {@code dmg pool exclude --rank=r} (target 0), as DegradedIoTest does it. */
  private void excludeRank(int rank) {
    int via = cluster.probe().leader();
    io.daos.itest.inproc.InProcessEngine e = sys.engine(via).orElseThrow();
    try (io.daos.drpc.client.DrpcClient dc = io.daos.drpc.client.DrpcClient.builder(e.engine().drpcSocket())
        .transport(sys.drpcTransport()).timeout(Duration.ofSeconds(30)).connect()) {
      io.daos.proto.mgmt.PoolExcludeResp r = io.daos.proto.mgmt.PoolExcludeResp.parseFrom(dc.call(
          io.daos.drpc.DrpcMethod.MGMT_POOL_EXCLUDE, io.daos.proto.mgmt.PoolExcludeReq.newBuilder()
              .setId(cluster.poolUuid().toString()).addAllSvcRanks(cluster.serviceReplicas()).setRank(rank)
              .addTargetIdx(0).build().toByteArray()));
      assertEquals(0, r.getStatus(), "exclude rank " + rank);
    } catch (Exception ex) {
      throw new AssertionError("exclude rank " + rank, ex);
    }
  }

  /** Polls pool query until the rebuild of {@code version} or later is done; fails if it failed. */
  private RebuildState waitRebuilt(int version) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      RebuildState st = pool.rebuildStateAsync().join();
      if (st.completedSince(version)) {
        assertEquals(0, st.errno(), "rebuild failed: " + st);
        return st;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("rebuild of map version " + version + " not done: " + st);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
