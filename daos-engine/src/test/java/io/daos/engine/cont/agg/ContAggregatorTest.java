package io.daos.engine.cont.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.Hlc;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.PoolTiers;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's background aggregation ({@link ContAggregator}) on real targets and VOS: when a pass runs (gap,
 * reclaim property, writes since the last pass), what bounds it (snapshots, uncommitted DTX, a snapshot being
 * created) and the reclaim a full target asks for. The pool service's answer is the one stand-in (its view).
 */
class ContAggregatorTest {
  private static final VosObjectId OID = VosObjectId.of(0, 1, 100);
  private static final long SECOND = 1_000_000_000L * Hlc.UNITS_PER_NANO;
  private static final int VALUE = 64 * 1024;

  @TempDir
  Path dir;
  private TargetXstreams xs;
  private PoolTargets pools;
  private EnginePool pool;
  private final UUID cont = UUID.randomUUID();
  private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
  private final Hlc hlc = new Hlc(nanos::get);
  private volatile ContAggregator.View view = new ContAggregator.View(new long[0], ContAggregator.RECLAIM_LAZY);
  private volatile long[] prepared = new long[0];
  private ContAggregator agg;

  @BeforeEach
  void start() {
    xs = new TargetXstreams("agg", 1);
    pools = new PoolTargets(dir, xs, VosOptions.defaults().withMapSize(64L << 20));
    pool = pools.create(UUID.randomUUID(), new PoolTiers(16L << 20, 0));
    agg = aggregator((p, c) -> CompletableFuture.completedFuture(view));
  }

  /** An aggregator over this test's targets with a 20 s gap, whose service answers with {@code views}. */
  private ContAggregator aggregator(ContAggregator.ViewSource views) {
    return new ContAggregator("test", pools, xs::executor, xs::busy, views, (p, t, c) -> oid -> prepared, hlc, 20,
        d -> Runnable::run);
  }

  @AfterEach
  void stop() {
    pools.close();
    xs.close();
  }

  private long put(String dkey, int seed) {
    long epoch = hlc.now();
    byte[] v = new byte[VALUE];
    new java.util.Random(seed).nextBytes(v);
    xs.call(0, () -> {
      pool.container(0, cont).update(epoch, OID, b(dkey), List.of(Iod.single(b("a"), v)), 0);
      return null;
    });
    return epoch;
  }

  private FetchedValue get(long epoch, String dkey) {
    return xs.call(0, () -> pool.container(0, cont).fetch(epoch, OID, b(dkey), List.of(Iod.fetchSingle(b("a"))), 0)
        .get(0));
  }

  private long used() {
    return xs.call(0, () -> pool.target(0).blobUsed());
  }

  private void tick() throws Exception {
    agg.tick().get(30, TimeUnit.SECONDS);
  }

  private void advance(long seconds) {
    nanos.addAndGet(seconds * 1_000_000_000L);
  }

  @Test
  @DisplayName("overwritten versions go once they are older than the gap, and not before")
  void aggregatesBehindTheGap() throws Exception {
    for (int i = 0; i < 8; i++) {
      put("d", i);
    }
    assertEquals(8L * VALUE, used());
    tick();
    assertEquals(8L * VALUE, used(), "all versions are younger than the 20 s gap");
    advance(21);
    tick();
    assertEquals(VALUE, used(), "only the latest version is left");
    assertEquals(VALUE, get(-1, "d").length());
  }

  @Test
  @DisplayName("reclaim:disabled stops aggregation; the container's snapshots keep what they see")
  void reclaimPropertyAndSnapshots() throws Exception {
    long first = put("d", 1);
    put("d", 2);
    long snap = hlc.now();
    put("d", 3);
    put("d", 4);
    advance(21);
    view = new ContAggregator.View(new long[0], ContAggregator.RECLAIM_DISABLED);
    tick();
    assertEquals(4L * VALUE, used(), "reclaim:disabled");
    view = new ContAggregator.View(new long[] {snap}, ContAggregator.RECLAIM_LAZY);
    tick();
    assertEquals(2L * VALUE, used(), "the snapshot's version and the latest");
    assertEquals(VALUE, get(snap, "d").length());
    assertTrue(get(first, "d").isEmpty(), "a read at an older epoch that is no snapshot finds the version gone");
  }

  @Test
  @DisplayName("what a PREPARED DTX wrote, and the version under it, stay until it is decided")
  void keepsUndecidedDtxWrites() throws Exception {
    put("d", 1);
    put("d", 2);
    long undecided = put("d", 3);
    prepared = new long[] {undecided};
    advance(21);
    tick();
    assertEquals(2L * VALUE, used(), "version 2 is what an abort of the DTX at version 3 would leave; 1 goes");
    assertEquals(VALUE, get(undecided - 1, "d").length());
    prepared = new long[0];
    advance(21);
    put("d", 4);
    advance(21);
    tick();
    assertEquals(VALUE, used(), "decided: only the latest is left");
  }

  @Test
  @DisplayName("CONT_TGT_SNAPSHOT_NOTIFY holds aggregation below the snapshot until the list has it")
  void snapshotNotifyCaps() throws Exception {
    put("d", 1);
    agg.snapshotNotify(pool.uuid(), cont);
    long snap = hlc.now();
    put("d", 2);
    put("d", 3);
    advance(21);
    tick();
    assertEquals(3L * VALUE, used(), "version 1 is what the coming snapshot sees");
    view = new ContAggregator.View(new long[] {snap}, ContAggregator.RECLAIM_LAZY);
    advance(21);
    tick();
    assertEquals(2L * VALUE, used(), "the snapshot's version and the latest");
  }

  @Test
  @DisplayName("a full target reclaims at once what nothing reads any more, and only after new writes")
  void reclaimNowWhenFull() throws Exception {
    for (int i = 0; i < 6; i++) {
      put("d", i);
    }
    assertEquals(6L * VALUE, used());
    assertFalse(xs.call(0, () -> agg.reclaimNow(pool, 0)), "no tick yet, so no snapshot list");
    assertTrue(xs.call(0, () -> agg.fetchMissingViews(pool, 0)).isDone(), "this service answers at once");
    assertTrue(xs.call(0, () -> agg.reclaimNow(pool, 0)));
    assertEquals(VALUE, used());
    assertFalse(xs.call(0, () -> agg.reclaimNow(pool, 0)), "no write since: nothing to try");
  }

  @Test
  @DisplayName("a full target fetches a view the tick has not got without waiting on its own thread")
  void reclaimNowFetchesMissingViewOffTheTargetThread() throws Exception {
    // The service answers on target 0's thread, as a service RPC to this engine is served: waiting for the answer
    // on that thread would never see it.
    agg = aggregator((p, c) -> CompletableFuture.supplyAsync(() -> view, xs.executor(0)));
    for (int i = 0; i < 6; i++) {
      put("d", i);
    }
    assertFalse(xs.call(0, () -> agg.reclaimNow(pool, 0)), "no view yet: nothing aggregated");
    CompletableFuture<Void> fetched = xs.call(0, () -> agg.fetchMissingViews(pool, 0));
    fetched.get(30, TimeUnit.SECONDS);
    assertNull(xs.call(0, () -> agg.fetchMissingViews(pool, 0)), "the view is kept");
    assertTrue(xs.call(0, () -> agg.reclaimNow(pool, 0)));
    assertEquals(VALUE, used());
  }

  @Test
  @DisplayName("a slow tick that listed the targets before a container was written does not drop its fetched view")
  void slowTickKeepsALaterView() throws Exception {
    pools.close();
    xs.close();
    xs = new TargetXstreams("agg", 2);
    pools = new PoolTargets(dir.resolve("two"), xs, VosOptions.defaults().withMapSize(64L << 20));
    pool = pools.create(UUID.randomUUID(), new PoolTiers(32L << 20, 0));
    agg = aggregator((p, c) -> CompletableFuture.completedFuture(view));
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    xs.executor(1).execute(() -> {
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    CompletableFuture<Void> slow = agg.tick();  // target 0 lists nothing; target 1 lists once released
    for (int i = 0; i < 3; i++) {
      put("d", i);
    }
    xs.call(0, () -> agg.fetchMissingViews(pool, 0)).get(30, TimeUnit.SECONDS);
    hold.countDown();
    slow.get(30, TimeUnit.SECONDS);
    assertNull(xs.call(0, () -> agg.fetchMissingViews(pool, 0)), "the view fetched after the slow tick listed is kept");
    assertTrue(xs.call(0, () -> agg.reclaimNow(pool, 0)));
    assertEquals(VALUE, used());
  }

  @Test
  @DisplayName("no snapshot list from the service: no aggregation, as DAOS")
  void noViewNoAggregation() throws Exception {
    agg = aggregator((p, c) -> CompletableFuture.failedFuture(new IllegalStateException("service down")));
    put("d", 1);
    put("d", 2);
    advance(21);
    tick();
    assertEquals(2L * VALUE, used());
    xs.call(0, () -> agg.fetchMissingViews(pool, 0)).get(30, TimeUnit.SECONDS);
    assertFalse(xs.call(0, () -> agg.reclaimNow(pool, 0)), "nor when the target is full");
  }

  @Test
  @DisplayName("DAOS_VOS_AGG_GAP outside 20-180 s is taken as 20, as DAOS")
  void gapClamped() {
    ContAggregator a = new ContAggregator("test", pools, xs::executor, xs::busy, (p, c) -> null,
        (p, t, c) -> io.daos.engine.vos.agg.Aggregation.Uncertain.NONE, hlc, 5, d -> Runnable::run);
    assertEquals(20 * SECOND, a.gap());
    ContAggregator b = new ContAggregator("test", pools, xs::executor, xs::busy, (p, c) -> null,
        (p, t, c) -> io.daos.engine.vos.agg.Aggregation.Uncertain.NONE, hlc, 60, d -> Runnable::run);
    assertEquals(60 * SECOND, b.gap());
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
