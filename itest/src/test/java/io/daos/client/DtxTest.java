package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.FaultInjection;
import io.daos.client.cont.ContainerProps;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.client.obj.ShardIo;
import io.daos.common.FakeTicker;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.dtx.DtxService;
import io.daos.itest.InProcessCluster;
import io.daos.itest.MiniDaosCluster;
import io.daos.placement.Shard;
import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.DtxRpc;
import io.daos.rpc.ObjRpc;
import io.daos.rpc.PoolRpc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTX of replicated objects (DAOS src/tests/suite/daos_base_tx.c, dtx_N): the client sends a modification to the
 * leader only, which forwards it; a write that was not acknowledged is visible on every replica or on none. Its own
 * cluster of 3 ranks × 2 targets, {@code crt_timeout} 2 s (the leader's forward timeout), and a fake clock for the
 * DTX commit age.
 */
class DtxTest {
  static final byte[] AKEY = Keys.utf8("a");
  static final FakeTicker TICKER = new FakeTicker();
  static InProcessCluster sys;

  TestSystem cluster;
  DaosClient client;
  DaosPool pool;
  DaosContainer cont;

  /** The cluster's directory, removed by JUnit after the class. */
  @TempDir
  static Path tmp;

  @BeforeAll
  static void startCluster() throws IOException {
    sys = MiniDaosCluster.builder(tmp).inProcess().servers(3).engines(1)
        .targets(2).replicas(1).crtTimeout(2).engineTicker(TICKER).start();
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
    cluster = new TestSystem(sys, "dtxpool", (1L << 30) / 3, 1);
    client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(4)).build();
    pool = client.connectPool("dtxpool", PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("dtxcont").withRedundancyFactor(2).withRedundancyLevel(1));
    cont = pool.openContainer("dtxcont", ContRpc.COO_RW);
    cluster.useContainer(cont.uuid());
  }

  @AfterEach
  void tearDown() {
    client.close();
    cluster.close();
  }

  private DaosObject object(ObjectClass oc) {
    return cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, oc, 0));
  }

  private static int leaderIdx(DaosObject o, byte[] dkey) {
    return ShardIo.leader(o.layout().group(0), DkeyHash.hash(o.oid(), dkey), 0);
  }

  /** A dkey {@code prefix<n>} whose leader is not on any rank of {@code avoid}. */
  private static byte[] dkeyLedOutside(DaosObject o, String prefix, List<Integer> avoid) {
    for (int i = 0; ; i++) {
      byte[] d = Keys.utf8(prefix + i);
      if (!avoid.contains(o.layout().group(0).get(leaderIdx(o, d)).rank())) {
        return d;
      }
    }
  }

  private byte[] raw(Shard s, DaosObject o, byte[] dkey) {
    return cluster.store(s.rank(), s.index()).single(o.oid().hi(), o.oid().lo(), dkey, AKEY);
  }

  private static void waitFor(String what, BooleanSupplier cond) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private void armOn(int rank, FaultInjection.Point p, boolean once, io.daos.cart.Opcode... ops) {
    FaultInjection f = sys.engine(rank).orElseThrow().engine().faults();
    if (once) {
      f.armOnce(p, List.of(ops));
    } else {
      f.arm(p, List.of(ops));
    }
  }

  private static List<Iod> single(byte[] v) {
    return List.of(Iod.single(AKEY, v));
  }

  private static byte[] fetch(DaosObject o, byte[] dkey, int size) {
    return o.fetch(dkey, List.of(Iod.singleFetch(AKEY, size))).get(0).data();
  }

  @Test
  @DisplayName("DTX1: update/punch single value with DTX successfully (leader only, forwarded)")
  void dtx_1() {
    DaosObject o = object(ObjectClass.RP_3G1);
    byte[] dkey = Keys.utf8("d1");
    List<Shard> g = o.layout().group(0);
    Shard leader = g.get(leaderIdx(o, dkey));
    byte[] v = random(300, 1);
    o.update(dkey, single(v));
    for (Shard s : g) {
      assertArrayEquals(v, raw(s, o, dkey), "replica on rank " + s.rank());
      if (s != leader) {
        assertEquals(0, cluster.calls(s.rank(), ObjRpc.UPDATE), "the client sends only to the leader");
        assertEquals(1, cluster.calls(s.rank(), ObjRpc.TGT_UPDATE), "the leader forwards");
      }
    }
    assertEquals(1, cluster.calls(leader.rank(), ObjRpc.UPDATE));
    o.punchDkeys(List.of(dkey));
    assertEquals(0, fetch(o, dkey, 300).length);
    for (Shard s : g) {
      if (s != leader) {
        assertEquals(1, cluster.calls(s.rank(), ObjRpc.TGT_PUNCH_DKEYS));
      }
    }
  }

  @Test
  @DisplayName("DTX4: update with DTX failed on non-leader: aborted on the leader too")
  void dtx_4() {
    DaosObject o = object(ObjectClass.RP_2G1);
    byte[] dkey = Keys.utf8("d4");
    List<Shard> g = o.layout().group(0);
    Shard other = g.get(1 - leaderIdx(o, dkey));
    sys.engine(other.rank()).orElseThrow().engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, DaosStatus.IO, Duration.ZERO), List.of(ObjRpc.TGT_UPDATE));
    DaosException e = assertThrows(DaosException.class, () -> o.update(dkey, single(new byte[] {4})));
    assertEquals(DaosStatus.IO, e.status());
    sys.clearFaults();
    for (Shard s : g) {
      assertEquals(null, raw(s, o, dkey), "no replica keeps the failed write (rank " + s.rank() + ")");
    }
    assertEquals(0, fetch(o, dkey, 1).length);
  }

  @Test
  @DisplayName("DTX5: fetch with non-committed update DTX: the non-leader refreshes with the leader once")
  void dtx_5() {
    DaosObject o = object(ObjectClass.RP_2G1);
    byte[] dkey = Keys.utf8("d5");
    Shard leader = o.layout().group(0).get(leaderIdx(o, dkey));
    byte[] v = random(64, 5);
    o.update(dkey, single(v));
    sys.engine(leader.rank()).orElseThrow().engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, DaosStatus.UNREACH, Duration.ZERO), List.of(ObjRpc.FETCH));
    assertArrayEquals(v, fetch(o, dkey, 64), "the non-leader shows the committable write");
    assertEquals(1, cluster.calls(leader.rank(), DtxRpc.REFRESH));
    assertArrayEquals(v, fetch(o, dkey, 64));
    assertEquals(1, cluster.calls(leader.rank(), DtxRpc.REFRESH), "committed on the non-leader by the refresh");
  }

  /**
   * During a pool map change a shard's new home (a peer in the extended layout) can be the target of another shard
   * of its group; DAOS sends such an update as a compound transaction (DER_NEED_TX, CPD). Here the one DTX covers
   * both shards on that target: both are written, and an abort discards both.
   */
  @Test
  @DisplayName("two shards of one DTX on one target: both written, both aborted")
  void dtx_two_shards_on_one_target() {
    DaosObject o = object(ObjectClass.RP_2G1);
    byte[] dkey = Keys.utf8("dup");
    List<Shard> g = o.layout().group(0);
    int lead = leaderIdx(o, dkey);
    Shard leader = g.get(lead);
    Shard other = g.get(1 - lead);
    // A peer of the leader's shard on the other replica's target, as an extension can place it.
    Shard peer = new Shard(leader.shard(), other.target(), other.rank(), other.index(), other.fseq(), true, true);
    List<Shard> withPeer = new java.util.ArrayList<>(g);
    withPeer.add(peer);
    byte[] v = random(200, 7);
    ShardIo.Body body = (t, e) -> io.daos.proto.obj.ObjRwReq.newBuilder().setTarget(t).setEpoch(e)
        .setDkey(com.google.protobuf.ByteString.copyFrom(dkey)).addIods(io.daos.client.obj.IodCodec.toProto(Iod.single(AKEY, v), true))
        .setFlags(0).build();
    io.daos.client.rpc.Futures.join(o.io().writeAll(o.layout().version(), withPeer, lead, DaosObject.UPDATE, body,
        io.daos.client.obj.Bulk.of(single(v))));
    var store = cluster.store(other.rank(), other.index());
    assertArrayEquals(v, store.singleOfShard(o.oid().hi(), o.oid().lo(), other.shard(), dkey, AKEY), "its own shard");
    assertArrayEquals(v, store.singleOfShard(o.oid().hi(), o.oid().lo(), peer.shard(), dkey, AKEY), "the peer shard");
    assertArrayEquals(v, fetch(o, dkey, 200));

    // The same shape, aborted: one of the two forwards to the shared target fails (the other is written there), so
    // the DTX is aborted everywhere, both shards on that target included.
    byte[] dkey2 = Keys.utf8("dup-abort");
    int lead2 = leaderIdx(o, dkey2);
    Shard l2 = g.get(lead2);
    Shard o2 = g.get(1 - lead2);
    List<Shard> withPeer2 = new java.util.ArrayList<>(g);
    withPeer2.add(new Shard(l2.shard(), o2.target(), o2.rank(), o2.index(), o2.fseq(), true, true));
    armOn(o2.rank(), FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, true, ObjRpc.TGT_UPDATE);
    ShardIo.Body body2 = (t, e) -> io.daos.proto.obj.ObjRwReq.newBuilder().setTarget(t).setEpoch(e)
        .setDkey(com.google.protobuf.ByteString.copyFrom(dkey2)).addIods(io.daos.client.obj.IodCodec.toProto(Iod.single(AKEY, v), true))
        .setFlags(0).build();
    assertThrows(RuntimeException.class, () -> io.daos.client.rpc.Futures.join(o.io().writeAll(o.layout().version(),
        withPeer2, lead2, DaosObject.UPDATE, body2, io.daos.client.obj.Bulk.of(single(v)))));
    sys.engines().forEach(e -> e.engine().faults().clear());
    var store2 = cluster.store(o2.rank(), o2.index());
    waitFor("both shards aborted on the shared target", () ->
        store2.singleOfShard(o.oid().hi(), o.oid().lo(), o2.shard(), dkey2, AKEY) == null
            && store2.singleOfShard(o.oid().hi(), o.oid().lo(), l2.shard(), dkey2, AKEY) == null);
    assertEquals(0, fetch(o, dkey2, 200).length);
  }

  @Test
  @DisplayName("DTX6: fetch with non-committed punch DTX (the update before it committed on the way)")
  void dtx_6() {
    DaosObject o = object(ObjectClass.RP_2G1);
    byte[] dkey = Keys.utf8("d6");
    Shard leader = o.layout().group(0).get(leaderIdx(o, dkey));
    o.update(dkey, single(new byte[] {6}));
    o.punchDkeys(List.of(dkey));
    armFetchFault(leader.rank());
    assertEquals(0, fetch(o, dkey, 1).length, "the non-leader shows the committable punch");
    assertEquals(1, cluster.calls(leader.rank(), DtxRpc.REFRESH), "only the punch needed a refresh: the update "
        + "was committed by the punch's forward (piggyback)");
  }

  @Test
  @DisplayName("DTX30: uncertain status check - enumeration re-entry")
  void dtx_30() {
    DaosObject o = object(ObjectClass.RP_2G1);
    List<Shard> g = o.layout().group(0);
    List<String> names = new ArrayList<>();
    for (int i = 0; names.size() < 4; i++) {
      if (leaderIdx(o, Keys.utf8("e" + i)) == 0) {
        names.add("e" + i);
      }
    }
    names.forEach(n -> o.update(Keys.utf8(n), single(new byte[] {1})));
    sys.engine(g.get(0).rank()).orElseThrow().engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, DaosStatus.UNREACH, Duration.ZERO),
        List.of(ObjRpc.DKEY_ENUMERATE));
    List<String> listed = o.listAllDkeys().stream().map(k -> new String(k, java.nio.charset.StandardCharsets.UTF_8))
        .sorted().toList();
    assertEquals(names.stream().sorted().toList(), listed, "the non-leader lists the committable dkeys");
    assertTrue(cluster.calls(g.get(0).rank(), DtxRpc.REFRESH) >= 1, "after refreshing with the leader");
  }

  @Test
  @DisplayName("DTX10: DTX batched commit with over count threshold")
  void dtx_10() {
    DaosObject o = object(ObjectClass.RP_2G1);
    List<Shard> g = o.layout().group(0);
    List<byte[]> dkeys = new ArrayList<>();
    for (int i = 0; dkeys.size() < DtxService.THRESHOLD_COUNT; i++) {
      byte[] d = Keys.utf8("c" + i);
      if (leaderIdx(o, d) == 0) {
        dkeys.add(d);
      }
    }
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < dkeys.size(); i++) {
      writes.add(o.updateAsync(dkeys.get(i), single(new byte[] {(byte) i}), 0));
      if (writes.size() == 32) {
        writes.forEach(CompletableFuture::join);
        writes.clear();
      }
    }
    writes.forEach(CompletableFuture::join);
    Shard leader = g.get(0);
    Shard other = g.get(1);
    waitFor("the batched DTX_COMMIT", () -> cluster.calls(other.rank(), DtxRpc.COMMIT) >= 1);
    armFetchFault(leader.rank());
    for (int i = 0; i < dkeys.size(); i += 37) {
      assertArrayEquals(new byte[] {(byte) i}, fetch(o, dkeys.get(i), 1));
    }
    assertEquals(0, cluster.calls(leader.rank(), DtxRpc.REFRESH), "committed DTXs need no refresh");
  }

  @Test
  @DisplayName("DTX11: DTX batched commit with over time threshold")
  void dtx_11() {
    DaosObject o = object(ObjectClass.RP_2G1);
    List<Shard> g = o.layout().group(0);
    List<byte[]> dkeys = new ArrayList<>();
    for (int i = 0; dkeys.size() < 8; i++) {
      byte[] d = Keys.utf8("t" + i);
      if (leaderIdx(o, d) == 0) {
        dkeys.add(d);
      }
    }
    for (int i = 0; i < dkeys.size(); i++) {
      o.update(dkeys.get(i), single(new byte[] {(byte) i}));
    }
    Shard leader = g.get(0);
    Shard other = g.get(1);
    assertEquals(0, cluster.calls(other.rank(), DtxRpc.COMMIT), "young committable DTXs wait");
    TICKER.advance(DtxService.COMMIT_THRESHOLD_AGE.plusSeconds(1));
    waitFor("the aged DTX_COMMIT", () -> cluster.calls(other.rank(), DtxRpc.COMMIT) >= 1);
    armFetchFault(leader.rank());
    for (int i = 0; i < dkeys.size(); i++) {
      assertArrayEquals(new byte[] {(byte) i}, fetch(o, dkeys.get(i), 1));
    }
    assertEquals(0, cluster.calls(leader.rank(), DtxRpc.REFRESH), "committed DTXs need no refresh");
  }

  private void armFetchFault(int rank) {
    sys.engine(rank).orElseThrow().engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, DaosStatus.UNREACH, Duration.ZERO), List.of(ObjRpc.FETCH));
  }

  @Test
  @DisplayName("DTX14: resend with lost multiple replicated obj request: the leader aborts, the resend writes all")
  void dtx_14() {
    DaosObject o = object(ObjectClass.RP_2G1);
    byte[] dkey = Keys.utf8("d14");
    List<Shard> g = o.layout().group(0);
    Shard leader = g.get(leaderIdx(o, dkey));
    Shard other = g.get(1 - leaderIdx(o, dkey));
    armOn(other.rank(), FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, true, ObjRpc.TGT_UPDATE);
    byte[] v = random(100, 14);
    o.update(dkey, single(v));
    assertEquals(1, cluster.calls(other.rank(), ObjRpc.TGT_UPDATE), "the lost forward never ran, the resend's did");
    assertEquals(2, cluster.calls(leader.rank(), ObjRpc.UPDATE), "the client resent after the leader's timeout");
    for (Shard s : g) {
      assertArrayEquals(v, raw(s, o, dkey), "rank " + s.rank());
    }
    assertArrayEquals(v, fetch(o, dkey, 100));
  }

  @Test
  @DisplayName("DTX15: resend with lost multiple replicated obj reply: same DTX id, executed once")
  void dtx_15() {
    DaosObject o = object(ObjectClass.RP_2G1);
    byte[] dkey = Keys.utf8("d15");
    List<Shard> g = o.layout().group(0);
    Shard leader = g.get(leaderIdx(o, dkey));
    Shard other = g.get(1 - leaderIdx(o, dkey));
    armOn(leader.rank(), FaultInjection.Point.DAOS_DTX_LOST_RPC_REPLY, true, ObjRpc.UPDATE);
    byte[] v = random(100, 15);
    o.update(dkey, single(v));
    assertEquals(2, cluster.calls(leader.rank(), ObjRpc.UPDATE), "the client resent after the lost reply");
    assertEquals(1, cluster.calls(other.rank(), ObjRpc.TGT_UPDATE), "the resend did not execute again");
    for (Shard s : g) {
      assertArrayEquals(v, raw(s, o, dkey));
    }
    assertArrayEquals(v, fetch(o, dkey, 100));
  }

  @Test
  @DisplayName("leader killed after forwarding, before its reply: the survivors resolve the DTX alike (all or none)")
  void dtx_leader_killed_after_forward() throws Exception {
    DaosObject o = object(ObjectClass.RP_3G1);
    byte[] dkey = dkeyLedOutside(o, "k", cluster.serviceReplicas());
    List<Shard> g = o.layout().group(0);
    Shard leader = g.get(leaderIdx(o, dkey));
    armOn(leader.rank(), FaultInjection.Point.DAOS_DTX_LOST_RPC_REPLY, false, ObjRpc.UPDATE);
    byte[] v = random(50, 37);
    CompletableFuture<Void> w = o.updateAsync(dkey, single(v), 0);
    for (Shard s : g) {
      if (s != leader) {
        waitFor("the forward to rank " + s.rank(), () -> cluster.calls(s.rank(), ObjRpc.TGT_UPDATE) == 1);
      }
    }
    cluster.stop(leader.rank());
    assertThrows(Exception.class, w::join, "the write was never acknowledged");
    List<byte[]> seen = readEachSurvivor(o, dkey, g.stream().filter(s -> s != leader).toList(), 50);
    assertArrayEquals(seen.get(0), seen.get(1), "the survivors resolve the DTX alike");
    assertTrue(seen.get(0).length == 0 || java.util.Arrays.equals(v, seen.get(0)), "all or nothing of the write");
  }

  /**
   * What each survivor shows of {@code dkey} once it has resolved the DTX: each is read alone (object RPCs to the
   * others fail), and its VOS then agrees with what it answered.
   */
  private List<byte[]> readEachSurvivor(DaosObject o, byte[] dkey, List<Shard> survivors, int size) {
    List<byte[]> seen = new ArrayList<>();
    for (Shard s : survivors) {
      sys.clearFaults();
      survivors.stream().filter(x -> x != s).forEach(x -> armFetchFault(x.rank()));
      byte[] got = fetch(o, dkey, size);
      byte[] stored = raw(s, o, dkey);
      assertArrayEquals(got, stored == null ? new byte[0] : stored, "rank " + s.rank() + " shows what it stores");
      seen.add(got);
    }
    sys.clearFaults();
    return seen;
  }

  @Test
  @DisplayName("leader killed with one forward lost: the survivors resolve the DTX alike (none)")
  void dtx_leader_killed_forward_lost() throws Exception {
    DaosObject o = object(ObjectClass.RP_3G1);
    byte[] dkey = dkeyLedOutside(o, "n", cluster.serviceReplicas());
    List<Shard> g = o.layout().group(0);
    Shard leader = g.get(leaderIdx(o, dkey));
    List<Shard> others = g.stream().filter(s -> s != leader).toList();
    armOn(others.get(1).rank(), FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, false, ObjRpc.TGT_UPDATE);
    CompletableFuture<Void> w = o.updateAsync(dkey, single(new byte[] {9}), 0);
    waitFor("the forward to rank " + others.get(0).rank(),
        () -> cluster.calls(others.get(0).rank(), ObjRpc.TGT_UPDATE) == 1);
    cluster.stop(leader.rank());
    assertThrows(Exception.class, w::join, "the write was never acknowledged");
    for (byte[] seen : readEachSurvivor(o, dkey, others, 1)) {
      assertEquals(0, seen.length, "a survivor without the DTX makes the other abort it");
    }
  }

  @Test
  @DisplayName("DTX37: resync - leader failed during prepare: excluding it makes the survivors resolve the DTX")
  void dtx_37() throws Exception {
    DaosObject o = object(ObjectClass.RP_3G1);
    byte[] dkey = dkeyLedOutside(o, "r", cluster.serviceReplicas());
    List<Shard> g = o.layout().group(0);
    Shard leader = g.get(leaderIdx(o, dkey));
    List<Shard> others = g.stream().filter(s -> s != leader).toList();
    armOn(leader.rank(), FaultInjection.Point.DAOS_DTX_LOST_RPC_REPLY, false, ObjRpc.UPDATE);
    byte[] v = random(40, 370);
    CompletableFuture<Void> w = o.updateAsync(dkey, single(v), 0);
    for (Shard s : others) {
      waitFor("the forward to rank " + s.rank(), () -> cluster.calls(s.rank(), ObjRpc.TGT_UPDATE) == 1);
    }
    cluster.stop(leader.rank());
    assertThrows(Exception.class, w::join, "the write was never acknowledged");
    // The client's retries may outlast SWIM, whose self-heal then excludes the dead leader on its own.
    if (pool.refreshMap().targets().stream().anyMatch(t -> t.rank() == leader.rank()
        && t.state() == io.daos.placement.TargetState.UPIN)) {
      excludeRank(leader.rank());
    }
    // Every survivor prepared the DTX and none knows it aborted: resync commits it on both, with no read.
    for (Shard s : others) {
      waitFor("rank " + s.rank() + " resolving the DTX", () -> raw(s, o, dkey) != null);
      assertArrayEquals(v, raw(s, o, dkey), "rank " + s.rank() + " committed the write");
    }
    assertTrue(others.stream().mapToInt(s -> cluster.calls(s.rank(), DtxRpc.CHECK)).sum() >= 1,
        "resolved by DTX_CHECK between the survivors");
    int refreshes = others.stream().mapToInt(s -> cluster.calls(s.rank(), DtxRpc.REFRESH)).sum();
    int checks = others.stream().mapToInt(s -> cluster.calls(s.rank(), DtxRpc.CHECK)).sum();
    pool.refreshMap();
    for (Shard s : others) {
      sys.clearFaults();
      others.stream().filter(x -> x != s).forEach(x -> armFetchFault(x.rank()));
      assertArrayEquals(v, fetch(o, dkey, 40), "a read served by rank " + s.rank() + " alone");
    }
    sys.clearFaults();
    assertEquals(refreshes, others.stream().mapToInt(s -> cluster.calls(s.rank(), DtxRpc.REFRESH)).sum(),
        "reads after the resync need no DTX refresh");
    assertEquals(checks, others.stream().mapToInt(s -> cluster.calls(s.rank(), DtxRpc.CHECK)).sum(),
        "nor DTX checks");
  }

  /** {@code dmg pool exclude --rank}: the pool service marks the rank's targets DOWN and pushes the new map. */
  private void excludeRank(int rank) throws Exception {
    int via = cluster.serviceReplicas().stream().filter(r -> r != rank).findFirst().orElseThrow();
    io.daos.itest.inproc.InProcessEngine e = sys.engine(via).orElseThrow();
    try (io.daos.drpc.client.DrpcClient c = io.daos.drpc.client.DrpcClient.builder(e.engine().drpcSocket())
        .transport(sys.drpcTransport()).timeout(Duration.ofSeconds(30)).connect()) {
      io.daos.proto.mgmt.PoolExcludeResp r = io.daos.proto.mgmt.PoolExcludeResp.parseFrom(c.call(
          io.daos.drpc.DrpcMethod.MGMT_POOL_EXCLUDE, io.daos.proto.mgmt.PoolExcludeReq.newBuilder()
              .setId(cluster.poolUuid().toString()).addAllSvcRanks(cluster.serviceReplicas()).setRank(rank)
              .addTargetIdx(0).addTargetIdx(1).build().toByteArray()));
      assertEquals(0, r.getStatus(), "exclude rank " + rank);
    }
  }

  static byte[] random(int n, long seed) {
    return ClientTestBase.random(n, seed);
  }
}
