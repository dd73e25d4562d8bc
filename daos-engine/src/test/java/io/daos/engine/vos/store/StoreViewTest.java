package io.daos.engine.vos.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.blob.BlobView;
import io.daos.engine.vos.blob.PmemPresence;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lmdbjava.Txn;

/**
 * Views of the blob ({@link Store#view}) and the allocator: an extent freed while a view of it is out waits (it is
 * not handed out, so a new write cannot change what the view shows) and is reused once the view is released; the
 * wait is recorded with the free, survives a reopen, and ends at open when no view of the blob is out.
 */
class StoreViewTest {
  private static final int MIB = 1 << 20;

  @TempDir
  Path dir;

  private static VosOptions opts(BlobKind kind) {
    return VosOptions.defaults().withMapSize(16L << 20).withBlob(kind);
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.capacity()];
    b.get(0, out);
    return out;
  }

  private static ValueRef put(Store s, byte[] data) {
    Txn<ByteBuffer> t = s.write();
    ValueRef r = s.putValue(t, 1, data, 0, data.length);
    s.commit(t);
    return r;
  }

  private static void free(Store s, ValueRef r) {
    Txn<ByteBuffer> t = s.write();
    s.freeValue(t, r);
    s.commit(t);
  }

  private static long waiting(Store s) {
    try (ReadTxn r = s.read()) {
      return s.alloc.waitingTotal(r.txn);
    }
  }

  private static long freeTotal(Store s) {
    try (ReadTxn r = s.read()) {
      return s.alloc.freeTotal(r.txn);
    }
  }

  private static boolean overlap(ValueRef a, ValueRef b) {
    return a.blobOff() < b.blobOff() + b.len() && b.blobOff() < a.blobOff() + a.len();
  }

  @ParameterizedTest
  @EnumSource(names = {"FILE", "SCM_MAPPED", "SCM_PMEM"})
  void aViewHeldAcrossAFreeNeverAliasesTheNextWrite(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    byte[] a = random(MIB, 1);
    byte[] b = random(MIB, 2);
    try (Store s = new Store(dir, opts(kind))) {
      ValueRef ra = put(s, a);
      long used = s.blobUsed();
      BlobView v = s.view(ra, 0, MIB);
      assertNotNull(v, kind + " gives views");
      assertTrue(v.buffer().isReadOnly());
      assertArrayEquals(a, bytes(v.buffer()));
      assertEquals(1, s.views().outstanding());

      free(s, ra);
      assertEquals(MIB, waiting(s), "freed under a view: waiting");
      assertEquals(used - MIB, s.blobUsed(), "a waiting extent counts as free space");
      assertEquals(MIB, freeTotal(s));

      ValueRef rb = put(s, b);
      assertTrue(!overlap(ra, rb), "the same size is not handed out over the view: " + rb);
      assertArrayEquals(a, bytes(v.buffer()), "the view still shows the freed value");
      assertEquals(used, s.blobUsed());

      // Released on another thread (as Netty does); the store takes it in at its next allocation.
      CompletableFuture.runAsync(v::release).get();
      ValueRef rc = put(s, b);
      assertEquals(ra.blobOff(), rc.blobOff(), "reused once the view is released");
      assertEquals(0, waiting(s));
      assertEquals(0, s.views().outstanding());
      assertEquals(0, freeTotal(s));
      assertEquals(used + MIB, s.blobUsed());
      assertEquals(1, s.views().given());
    }
  }

  @Test
  void freesNoViewOverlapsGoStraightToTheFreeList() throws Exception {
    try (Store s = new Store(dir, opts(BlobKind.FILE))) {
      ValueRef r1 = put(s, random(MIB, 3));
      ValueRef r2 = put(s, random(MIB, 4));
      BlobView v = s.view(r2, 4096, 8192); // a part of r2 only
      free(s, r1);
      assertEquals(0, waiting(s));
      assertEquals(r1.blobOff(), put(s, random(MIB, 5)).blobOff(), "r1 reused at once");
      free(s, r2);
      assertEquals(MIB, waiting(s), "a view of part of an extent holds all of it");
      v.release();
      v.release(); // a second release is a no-op
      assertEquals(r2.blobOff(), put(s, random(MIB, 6)).blobOff());
      assertEquals(0, waiting(s));
    }
  }

  @Test
  void inlineValuesAndRangesPastTheValueHaveNoView() throws Exception {
    try (Store s = new Store(dir, opts(BlobKind.FILE))) {
      ValueRef small = put(s, random(100, 7));
      assertNull(s.view(small, 0, 100), "an inline value is not in the blob");
      ValueRef big = put(s, random(MIB, 8));
      assertNull(s.view(big, 4096, MIB), "past the value's end");
      assertEquals(0, s.views().given());
    }
  }

  @Test
  void aWaitingExtentSurvivesAReopenAndIsFreeAtOpen() throws Exception {
    byte[] a = random(MIB, 9);
    ValueRef ra;
    BlobView v;
    long used;
    try (Store s = new Store(dir, opts(BlobKind.FILE))) {
      ra = put(s, a);
      put(s, random(MIB, 10));
      v = s.view(ra, 0, MIB);
      free(s, ra);
      used = s.blobUsed();
      assertEquals(MIB, waiting(s));
    }
    // Reopened while the view is still out (a reply still being written): the extent keeps waiting.
    try (Store s = new Store(dir, opts(BlobKind.FILE))) {
      assertEquals(MIB, waiting(s));
      assertEquals(used, s.blobUsed());
      assertArrayEquals(a, bytes(v.buffer()), "the view outlives the store that gave it");
      ValueRef rb = put(s, random(MIB, 11));
      assertTrue(!overlap(ra, rb));
      free(s, rb);
    }
    v.release();
    // No view of the blob is out any more: whatever waits is free at open, with the space counted as before.
    try (Store s = new Store(dir, opts(BlobKind.FILE))) {
      assertEquals(0, waiting(s), "free at open");
      assertEquals(used, s.blobUsed());
      assertEquals(2 * MIB, freeTotal(s));
      assertEquals(ra.blobOff(), put(s, random(MIB, 12)).blobOff(), "the extent is reused");
    }
  }
}
