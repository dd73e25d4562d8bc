package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.ARRAY_OID;
import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static io.daos.engine.vos.VosFixture.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.agg.Aggregation;
import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.blob.BlobView;
import io.daos.engine.vos.blob.PmemPresence;
import io.daos.engine.vos.store.VosOptions;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * fetchInto with a {@link ViewSink}: a large value that is one stored extent, wholly visible, comes as a view of the
 * blob (no copy); other values are copied as before; and no write after a free changes what a view still out shows.
 */
class VosBlobViewTest {
  private static final byte[] DKEY = VosFixture.u64(1);
  private static final byte[] AKEY = b("a");
  private static final int MIB = 1 << 20;

  @TempDir
  Path dir;

  /** Views from 16 KiB on; direct buffers for other values from 16 KiB on; heap arrays below. */
  private static final class Sink implements ViewSink {
    final Map<ByteBuffer, BlobView> views = new IdentityHashMap<>();
    final List<ByteBuffer> buffers = new ArrayList<>();

    @Override
    public boolean viewable(int len) {
      return len >= 16_384;
    }

    @Override
    public ByteBuffer adopt(BlobView v) {
      views.put(v.buffer(), v);
      return v.buffer();
    }

    @Override
    public ByteBuffer apply(int len) {
      if (len < 16_384) {
        return null;
      }
      ByteBuffer b = ByteBuffer.allocateDirect(len);
      buffers.add(b);
      return b;
    }

    void releaseAll() {
      views.values().forEach(BlobView::release);
      views.clear();
    }
  }

  private static byte[] bytes(FetchedValue v) {
    if (v.buffer() == null) {
      return v.data();
    }
    byte[] out = new byte[v.length()];
    v.buffer().get(0, out);
    return out;
  }

  private static List<Iod> read(long idx, long nr) {
    return List.of(Iod.fetchArray(AKEY, 1, List.of(new Recx(idx, nr))));
  }

  @ParameterizedTest
  @EnumSource(names = {"FILE", "SCM_MAPPED", "SCM_PMEM"})
  void aWholeOneExtentValueComesAsAViewOthersAsCopies(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    try (VosFixture f = new VosFixture(dir, VosOptions.defaults().withMapSize(256L << 20).withBlob(kind))) {
      byte[] whole = random(MIB, 1);
      f.cont.update(1, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(0, MIB)), whole)), 0);
      byte[] two = random(64 << 10, 2);
      f.cont.update(2, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(2L * MIB, two.length)), two)),
          0);
      f.cont.update(3, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1,
          List.of(new Recx(2L * MIB + two.length, two.length)), two)), 0);
      byte[] sv = random(200_000, 3);
      f.cont.update(4, OID, DKEY, List.of(Iod.single(AKEY, sv)), 0);

      Sink sink = new Sink();
      FetchedValue v = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read(0, MIB), 0, sink).get(0);
      assertSame(sink.views.keySet().iterator().next(), v.buffer(), "the value is the view");
      assertArrayEquals(whole, bytes(v));
      assertEquals(List.of(new Recx(0, MIB)), v.extents());

      FetchedValue part = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read(4096, 100_000), 0, sink).get(0);
      assertEquals(2, sink.views.size(), "a part of one extent is a view too");
      assertArrayEquals(Arrays.copyOfRange(whole, 4096, 104_096), bytes(part));

      FetchedValue both = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read(2L * MIB, 2L * two.length), 0, sink).get(0);
      assertEquals(2, sink.views.size(), "two fragments: copied");
      byte[] twice = new byte[2 * two.length];
      System.arraycopy(two, 0, twice, 0, two.length);
      System.arraycopy(two, 0, twice, two.length, two.length);
      assertArrayEquals(twice, bytes(both));

      FetchedValue holey = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read(MIB - 8192, 65_536), 0, sink).get(0);
      assertEquals(2, sink.views.size(), "a hole in the range: copied");
      byte[] expect = new byte[65_536];
      System.arraycopy(whole, MIB - 8192, expect, 0, 8192);
      assertArrayEquals(expect, bytes(holey), "the hole reads as zeros");

      FetchedValue small = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read(0, 8192), 0, sink).get(0);
      assertNull(small.buffer(), "below the sink's size: a heap array");
      assertArrayEquals(Arrays.copyOf(whole, 8192), bytes(small));

      FetchedValue single = f.cont.fetchInto(-1, OID, DKEY, List.of(Iod.fetchSingle(AKEY)), 0, sink).get(0);
      assertEquals(3, sink.views.size(), "a large single value is a view");
      assertArrayEquals(sv, bytes(single));

      assertEquals(3, f.pool.blobViews().given());
      assertEquals(3, f.pool.blobViews().outstanding());
      sink.releaseAll();
      assertEquals(0, f.pool.blobViews().outstanding());
    }
  }

  /**
   * The hazard views bring: an extent a reply still sends is freed (an overwrite aggregated away, a punch) and the
   * next write of the same size wants it. Views are held across three overwrite + aggregate cycles and checked and
   * released on another thread; every one must still show the bytes it was fetched with.
   */
  @Test
  void overwritesAggregationAndPunchesNeverChangeAHeldView() throws Exception {
    int len = 256 << 10;
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (VosFixture f = new VosFixture(dir)) {
      ArrayDeque<Object[]> held = new ArrayDeque<>();
      List<Future<?>> checks = new ArrayList<>();
      long epoch = 0;
      for (int i = 0; i < 40; i++) {
        byte[] value = random(len, 100 + i);
        f.cont.update(++epoch, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(0, len)), value)), 0);
        Sink sink = new Sink();
        FetchedValue v = f.cont.fetchInto(-1, ARRAY_OID, DKEY, read(0, len), 0, sink).get(0);
        assertEquals(1, sink.views.size(), "iteration " + i + " is served from a view");
        held.add(new Object[] {sink, v, value});
        if (i % 7 == 6) {
          f.cont.punchAkeys(++epoch, ARRAY_OID, DKEY, List.of(AKEY), 0);
        }
        aggregate(f, epoch);
        if (held.size() > 3) {
          Object[] h = held.poll();
          checks.add(reader.submit(() -> check(h)));
        }
      }
      while (!held.isEmpty()) {
        Object[] h = held.poll();
        checks.add(reader.submit(() -> check(h)));
      }
      for (Future<?> c : checks) {
        c.get();
      }
      assertEquals(0, f.pool.blobViews().outstanding());
      f.cont.update(++epoch, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(0, len)),
          random(len, 1))), 0);
      aggregate(f, epoch);
      f.cont.update(++epoch, ARRAY_OID, DKEY, List.of(Iod.array(AKEY, 1, List.of(new Recx(0, len)),
          random(len, 2))), 0);
      assertTrue(f.pool.blobUsed() <= 3L * len, "no space is kept once the views are released: "
          + f.pool.blobUsed());
    } finally {
      reader.shutdownNow();
    }
  }

  private static void aggregate(VosFixture f, long bound) {
    Aggregation.Anchor at = null;
    do {
      at = f.cont.aggregate(bound, new long[0], at, 1_000_000).next();
    } while (at != null);
  }

  private static void check(Object[] h) {
    Sink sink = (Sink) h[0];
    FetchedValue v = (FetchedValue) h[1];
    byte[] want = (byte[]) h[2];
    assertArrayEquals(want, bytes(v), "a held view changed under its reader");
    sink.releaseAll();
  }
}
