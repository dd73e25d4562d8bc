package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.FaultInjection;
import io.daos.client.cont.ContainerProps;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.client.obj.ObjRetry;
import io.daos.client.pool.RetryPolicy;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.InProcessCluster;
import io.daos.itest.MiniDaosCluster;
import io.daos.placement.Shard;
import io.daos.placement.TargetState;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/**
 * Degraded I/O (DAOS src/object/cli_obj.c obj_retry, daos_data-plane §5): an RP_3G1 object keeps working when one
 * of its engines is killed: reads fail over to another replica as soon as the connection fails (not after the RPC
 * timeout), writes stall until SWIM declares the engine dead and the pool service excludes it, then go to the new
 * layout; every read stays byte-exact. Its own cluster: 4 ranks × 2 targets, 3 pool-service replicas, short SWIM
 * timings, 10 s RPC timeout.
 */
class DegradedIoTest {
  private static final String[] SWIM_ENV = {"SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=1000"};
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(10);
  static final byte[] AKEY = Keys.utf8("a");
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
    sys = MiniDaosCluster.builder(tmp).inProcess().servers(4).engines(1)
        .targets(2).replicas(3).crtTimeout(10).engineEnv(SWIM_ENV).start();
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
    cluster = new TestSystem(sys, "degpool", (1L << 30) / 4, 3);
    client = cluster.clientBuilder().rpcTimeout(RPC_TIMEOUT).build();
    pool = client.connectPool("degpool", PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("degcont").withRedundancyFactor(2).withRedundancyLevel(1));
    cont = pool.openContainer("degcont", ContRpc.COO_RW);
    cluster.useContainer(cont.uuid());
  }

  @AfterEach
  void tearDown() {
    client.close();
    cluster.close();
  }

  private static byte[] value(int i) {
    return ClientTestBase.random(200 + i, 1000 + i);
  }

  private static byte[] fetch(DaosObject o, byte[] dkey, int size) {
    return o.fetch(dkey, List.of(Iod.singleFetch(AKEY, size))).get(0).data();
  }

  private static void waitFor(String what, Duration limit, BooleanSupplier cond) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /** A rank of the object's group that is not the pool service leader. */
  private int victimOf(DaosObject o) {
    int leader = cluster.probe().leader();
    return o.layout().group(0).stream().map(Shard::rank).filter(r -> r != leader).findFirst().orElseThrow();
  }

  @Test
  @Timeout(120)
  @DisplayName("RP_3G1 with an engine killed: reads fail over at once, writes stall until the exclusion, all byte-exact")
  void rp3OneEngineKilled() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.RP_3G1, 0));
    int n = 16;
    for (int i = 0; i < n; i++) {
      o.update(Keys.utf8("k" + i), List.of(Iod.single(AKEY, value(i))));
    }
    int victim = victimOf(o);
    int before = pool.poolMap().version();
    cluster.stop(victim);
    long killed = System.nanoTime();

    // Reads right after the kill: the map still places a shard on the dead engine; a read that picks it fails
    // over as soon as the connection fails.
    long worstRead = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      assertArrayEquals(value(i), fetch(o, Keys.utf8("k" + i), 200 + i), "k" + i);
      worstRead = Math.max(worstRead, System.nanoTime() - t0);
    }
    System.out.printf("DegradedIoTest: slowest read right after the kill: %d ms (RPC timeout %d ms)%n",
        worstRead / 1_000_000, RPC_TIMEOUT.toMillis());
    assertTrue(worstRead < RPC_TIMEOUT.toNanos() / 5, "a read failed over in " + worstRead / 1_000_000 + " ms");

    // A write: stalls until SWIM declares the engine dead and the service excludes it.
    long t0 = System.nanoTime();
    o.update(Keys.utf8("after"), List.of(Iod.single(AKEY, value(99))));
    long stall = System.nanoTime() - t0;
    System.out.printf("DegradedIoTest: first write after the kill stalled %d ms (%d ms after the kill); pool map %d -> %d%n",
        stall / 1_000_000, (System.nanoTime() - killed) / 1_000_000, before, pool.poolMap().version());
    assertTrue(pool.poolMap().version() > before, "the write went to a newer layout");
    assertTrue(pool.poolMap().targets().stream().filter(t -> t.rank() == victim)
        .allMatch(t -> t.state() != TargetState.UPIN), "the victim's targets are out of the client's map");
    assertFalse(o.layout().group(0).stream().anyMatch(s -> s.placed() && s.rank() == victim),
        "no shard placed on the dead rank");

    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      o.update(Keys.utf8("k" + i + "b"), List.of(Iod.single(AKEY, value(i + 50))));
    }
    System.out.printf("DegradedIoTest: %d writes on the degraded layout took %d ms%n", n,
        (System.nanoTime() - t1) / 1_000_000);
    assertArrayEquals(value(99), fetch(o, Keys.utf8("after"), 299));
    for (int i = 0; i < n; i++) {
      assertArrayEquals(value(i), fetch(o, Keys.utf8("k" + i), 200 + i), "k" + i);
      assertArrayEquals(value(i + 50), fetch(o, Keys.utf8("k" + i + "b"), 250 + i), "k" + i + "b");
    }
  }

  @Test
  @Timeout(60)
  @DisplayName("obj_retry is bounded: every replica unreachable and the service confirming the same map → DER_UNREACH")
  void retryBoundedWhenMapDoesNotChange() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1, 0));
    byte[] dkey = Keys.utf8("x");
    o.update(dkey, List.of(Iod.single(AKEY, new byte[] {1, 2, 3})));
    List<Integer> ranks = new ArrayList<>();
    o.layout().group(0).forEach(s -> ranks.add(s.rank()));
    ranks.forEach(r -> cluster.failObjects(r, DaosStatus.UNREACH));
    cluster.resetCalls();
    long t0 = System.nanoTime();
    DaosException e = assertThrows(DaosException.class, () -> fetch(o, dkey, 3));
    long took = System.nanoTime() - t0;
    assertEquals(DaosStatus.UNREACH, e.status());
    assertTrue(cluster.callsToService(PoolRpc.TGT_QUERY_MAP) >= ObjRetry.MAX_SAME_MAP,
        "a map refresh before every retry");
    assertTrue(took < Duration.ofSeconds(20).toNanos(), "gave up in bounded time");
    System.out.printf("DegradedIoTest: bounded retry gave up after %d ms%n", took / 1_000_000);
    sys.clearFaults();
    assertArrayEquals(new byte[] {1, 2, 3}, fetch(o, dkey, 3));
  }

  @Test
  @Timeout(60)
  @DisplayName("obj_retry is bounded: every replica unreachable and no pool map from the service → DER_UNREACH after "
      + ObjRetry.MAX_NO_MAP + " refreshes")
  void retryBoundedWhenServiceGivesNoMap() {
    // Each map refresh gives up after a short service retry here (the default takes ~8 s per refresh).
    DaosClient quick = cluster.clientBuilder().rpcTimeout(RPC_TIMEOUT)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100))).build();
    DaosContainer qc = quick.connectPool("degpool", PoolRpc.PC_RW).openContainer("degcont", ContRpc.COO_RW);
    DaosObject o = qc.openObject(qc.generateOid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1, 0));
    byte[] dkey = Keys.utf8("y");
    o.update(dkey, List.of(Iod.single(AKEY, new byte[] {4, 5, 6})));
    List<Integer> ranks = new ArrayList<>();
    o.layout().group(0).forEach(s -> ranks.add(s.rank()));
    ranks.forEach(r -> cluster.failObjects(r, DaosStatus.UNREACH));
    sys.engines().forEach(e -> e.engine().faults().arm(new FaultInjection.Fault(
        FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, DaosStatus.UNREACH, Duration.ZERO),
        List.of(PoolRpc.TGT_QUERY_MAP)));
    cluster.resetCalls();
    DaosException e = assertThrows(DaosException.class, () -> fetch(o, dkey, 3));
    assertEquals(DaosStatus.UNREACH, e.status());
    // The old bound (MAX_SAME_MAP refreshes of ~8 s each) would outlast the @Timeout; the error carries why it
    // stopped: the pool service's own failure to give a map.
    assertEquals(1, e.getSuppressed().length, e.toString());
    assertTrue(e.getSuppressed()[0] instanceof DaosException se && se.status() == DaosStatus.UNREACH,
        "the map refresh's error: " + e.getSuppressed()[0]);
    sys.clearFaults();
    assertArrayEquals(new byte[] {4, 5, 6}, fetch(o, dkey, 3));
    quick.close();
  }

  @Test
  @Timeout(120)
  @DisplayName("rd_fac 1 container, 2 concurrently failed domains: UNCLEAN, DER_RF on I/O and open, --force opens, "
      + "status clear")
  void rfExceededMakesContainerUnclean() throws Exception {
    pool.createContainer(ContainerProps.empty().withLabel("rf1").withRedundancyFactor(1).withRedundancyLevel(1));
    DaosContainer c = pool.openContainer("rf1", ContRpc.COO_RW);
    DaosObject o = c.openObject(c.generateOid(ObjectType.MULTI_HASHED, ObjectClass.RP_2G1, 0));
    byte[] dkey = Keys.utf8("rf");
    o.update(dkey, List.of(Iod.single(AKEY, value(1))));
    int leader = cluster.probe().leader();
    // The first victim holds a shard of the object, so its rebuild has pulls to make; held by DAOS_REBUILD_DELAY,
    // that rebuild is still running (its targets DOWN) when the second victim fails: two concurrent failures. (A
    // failure whose rebuild finished before the next one is no RF break, as in DAOS's pool_map_rf_verify.)
    List<Integer> shardRanks = new ArrayList<>();
    o.layout().group(0).forEach(s -> shardRanks.add(s.rank()));
    List<Integer> victims = new ArrayList<>();
    shardRanks.stream().filter(r -> r != leader).findFirst().ifPresent(victims::add);
    for (int r = 0; r < 4 && victims.size() < 2; r++) {
      if (r != leader && !victims.contains(r) && !shardRanks.contains(r)) {
        victims.add(r);
      }
    }
    for (int r = 0; r < 4 && victims.size() < 2; r++) {
      if (r != leader && !victims.contains(r)) {
        victims.add(r);
      }
    }
    for (int r = 0; r < 4; r++) {
      sys.engine(r).ifPresent(e -> e.engine().faults().arm(new io.daos.cart.FaultInjection.Fault(
          io.daos.cart.FaultInjection.Point.DAOS_REBUILD_DELAY, DaosStatus.IO, Duration.ofSeconds(20)),
          List.of(io.daos.rpc.RebuildRpc.OBJ_ENUMERATE)));
    }
    excludeRank(victims.get(0));
    pool.refreshMap();
    o.update(dkey, List.of(Iod.single(AKEY, value(2))));
    assertArrayEquals(value(2), fetch(o, dkey, 202), "one failed domain is within rd_fac 1");

    excludeRank(victims.get(1));
    waitFor("DER_RF on the open handle's I/O", Duration.ofSeconds(30), () -> {
      try {
        fetch(o, dkey, 202);
        return false;
      } catch (DaosException e) {
        return e.status() == DaosStatus.RF;
      }
    });
    DaosException w = assertThrows(DaosException.class, () -> o.update(dkey, List.of(Iod.single(AKEY, value(3)))));
    assertEquals(DaosStatus.RF, w.status(), "updates too");
    DaosException open = assertThrows(DaosException.class, () -> pool.openContainer("rf1", ContRpc.COO_RW));
    assertEquals(DaosStatus.RF, open.status());

    sys.clearFaults();
    DaosContainer forced = pool.openContainer("rf1", ContRpc.COO_RW | ContRpc.COO_FORCE);
    forced.statusClear();
    DaosContainer again = pool.openContainer("rf1", ContRpc.COO_RW);
    DaosObject o2 = again.openObject(o.oid());
    o2.update(dkey, List.of(Iod.single(AKEY, value(4))));
    assertArrayEquals(value(4), fetch(o2, dkey, 204), "I/O works after the status clear");
    assertArrayEquals(value(4), fetch(o, dkey, 204), "on the old handle too");
  }

  /** {@code dmg pool exclude --rank}: the pool service marks the rank's targets DOWN and pushes the new map. */
  private void excludeRank(int rank) throws Exception {
    int via = cluster.probe().leader();
    io.daos.itest.inproc.InProcessEngine e = sys.engine(via).orElseThrow();
    try (io.daos.drpc.client.DrpcClient dc = io.daos.drpc.client.DrpcClient.builder(e.engine().drpcSocket())
        .transport(sys.drpcTransport()).timeout(Duration.ofSeconds(30)).connect()) {
      io.daos.proto.mgmt.PoolExcludeResp r = io.daos.proto.mgmt.PoolExcludeResp.parseFrom(dc.call(
          io.daos.drpc.DrpcMethod.MGMT_POOL_EXCLUDE, io.daos.proto.mgmt.PoolExcludeReq.newBuilder()
              .setId(cluster.poolUuid().toString()).addAllSvcRanks(cluster.serviceReplicas()).setRank(rank)
              .addTargetIdx(0).addTargetIdx(1).build().toByteArray()));
      assertEquals(0, r.getStatus(), "exclude rank " + rank);
    }
  }
}
