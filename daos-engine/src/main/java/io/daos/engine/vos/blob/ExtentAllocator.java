package io.daos.engine.vos.blob;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.lmdb.Db;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lmdbjava.Txn;

/**
 * First-fit allocator of 4 KiB blocks in the target's blob file (the role of DAOS's VEA). Its state lives in the
 * meta database, so an allocation commits or aborts with the metadata transaction that uses it:
 * {@code "end"} → first never-allocated byte; {@code 'F' | off(8)} → length of a free extent; {@code 'P' | off(8)}
 * → length of a freed extent waiting for views; {@code "fre"} → the sum of the free and waiting extents' lengths (so
 * that space in use, {@code end - free}, costs one read; a store written before it existed has it computed from the
 * free list on first use).
 * <p>A freed extent that a {@link BlobView} not yet released overlaps (a fetch still sending its bytes) is not put on
 * the free list but recorded as waiting ({@code 'P'}), in the same transaction: it is never handed out, so no new
 * write can change bytes a reader still sends. The first allocation after the views over it are released moves it
 * to the free list (merged with its free neighbours, as any free); at open, every waiting extent is free (no view
 * outlives the process). Waiting extents count as free space ({@code "fre"}, pool query): they are freed, and
 * reusable as soon as a reply has been written. DAOS's VEA likewise keeps freed extents from reuse for a while (its
 * aging buffer) but counts them as used until they are.
 * <p>Within one write transaction {@code "end"} and {@code "fre"} are kept in memory and written once, by
 * {@link #flush} just before the commit (the store's only commit path calls it); a transaction that aborts drops
 * them with itself. Single-threaded, as the store.
 */
public final class ExtentAllocator {
  static final long BLOCK = 4096;
  private static final byte[] END = {'e', 'n', 'd'};
  private static final byte FREE = 'F';
  private static final byte[] FREE_TOTAL = {'f', 'r', 'e'};
  private static final byte[] FREE_HEAD = {FREE};
  private static final byte PENDING = 'P';
  private static final byte[] PENDING_HEAD = {PENDING};

  private final Db meta;
  private final BlobViews views;
  /** Whether waiting extents may exist (committed or in the open transaction). */
  private boolean mayWait = true;
  /** {@link BlobViews#drainedTotal()} when the waiting extents were last looked at (-1: look next time). */
  private long settledAt = -1;
  /** The open transaction wrote or moved waiting extents (if it aborts, they are as before it). */
  private boolean waitTouched;
  /** The write transaction {@link #end} and {@link #free} belong to (null: none), and whether they changed in it. */
  private Txn<ByteBuffer> txn;
  private long end;
  private long free;
  private boolean dirty;

  /** The allocator of the blob whose outstanding views {@code views} tracks. */
  public ExtentAllocator(Db meta, BlobViews views) {
    this.meta = meta;
    this.views = views;
  }

  /** Loads the counters for write transaction {@code t} (a new one: whatever an earlier one changed was aborted). */
  private void use(Txn<ByteBuffer> t) {
    if (t != txn) {
      reset();
      txn = t;
      byte[] v = meta.get(t, END);
      end = v == null ? 0 : Bytes.getLong(v, 0);
      free = readFreeTotal(t);
    }
  }

  /** Writes the counters {@code t} changed; the store calls it just before it commits {@code t}. */
  public void flush(Txn<ByteBuffer> t) {
    if (t == txn && dirty) {
      meta.put(t, END, Bytes.ofLong(end));
      meta.put(t, FREE_TOTAL, Bytes.ofLong(free));
    }
    if (t == txn) {
      waitTouched = false;
    }
    reset();
  }

  /** Forgets the transaction in use (aborted, unless {@link #flush} committed it). */
  public void reset() {
    if (waitTouched) {
      mayWait = true;
      settledAt = -1;
    }
    waitTouched = false;
    txn = null;
    dirty = false;
  }

  /** Returns the offset of {@code len} bytes (rounded up to whole blocks). */
  public long allocate(Txn<ByteBuffer> t, long len) {
    use(t);
    settle(t);
    long need = roundUp(len);
    if (free >= need) {
      try (Cur c = meta.openCursor(t)) {
        for (boolean ok = c.seek(FREE_HEAD); ok && c.key()[0] == FREE; ok = c.next()) {
          long have = Bytes.getLong(c.val(), 0);
          if (have >= need) {
            long off = Bytes.getLong(c.key(), 1);
            c.delete();
            if (have > need) {
              meta.put(t, freeKey(off + need), Bytes.ofLong(have - need));
            }
            free -= need;
            dirty = true;
            return off;
          }
        }
      }
    }
    long off = end;
    end += need;
    dirty = true;
    return off;
  }

  /**
   * Returns [off, off + len) to the free list, merging with free neighbours; where a view not yet released overlaps
   * it, records it as waiting instead (see the class comment).
   */
  public void free(Txn<ByteBuffer> t, long off, long len) {
    use(t);
    long size = roundUp(len);
    free += size;
    dirty = true;
    if (views.overlaps(off, size)) {
      meta.put(t, pendingKey(off), Bytes.ofLong(size));
      mayWait = true;
      waitTouched = true;
      return;
    }
    toFreeList(t, off, size);
  }

  /**
   * Moves the waiting extents no view overlaps any more to the free list, when views were released since the last
   * look.
   */
  private void settle(Txn<ByteBuffer> t) {
    if (!mayWait) {
      return;
    }
    long at = views.drain();
    if (at == settledAt) {
      return;
    }
    settledAt = at;
    mayWait = moveWaiting(t, true);
  }

  /**
   * Moves the waiting extents to the free list: all of them (the store opens: no view is out), or, with
   * {@code heldStay}, those no view overlaps; true if some stay. Space accounting is unchanged: they counted as
   * free already.
   */
  private boolean moveWaiting(Txn<ByteBuffer> t, boolean heldStay) {
    List<long[]> ready = new ArrayList<>();
    boolean stay = false;
    try (Cur c = meta.openCursor(t)) {
      for (boolean ok = c.seek(PENDING_HEAD); ok && pending(c.key()); ok = c.next()) {
        long off = Bytes.getLong(c.key(), 1);
        long len = Bytes.getLong(c.val(), 0);
        if (heldStay && views.overlaps(off, len)) {
          stay = true;
        } else {
          ready.add(new long[] {off, len});
        }
      }
    }
    for (long[] r : ready) {
      meta.delete(t, pendingKey(r[0]));
      toFreeList(t, r[0], r[1]);
      waitTouched = true;
    }
    return stay;
  }

  /**
   * Moves every waiting extent left by the last run to the free list (in {@code t}, which the caller commits): at
   * open, when no view of the blob can be out. True if there were any.
   */
  public boolean freeWaiting(Txn<ByteBuffer> t) {
    use(t);
    boolean any;
    try (Cur c = meta.openCursor(t)) {
      any = c.seek(PENDING_HEAD) && pending(c.key());
    }
    if (any) {
      moveWaiting(t, views.outstanding() > 0);
      dirty = true;
    }
    mayWait = any;
    settledAt = -1;
    return any;
  }

  /** Bytes of freed extents waiting for views (a scan: for tests and checks). */
  public long waitingTotal(Txn<ByteBuffer> t) {
    long sum = 0;
    try (Cur c = meta.openCursor(t)) {
      for (boolean ok = c.seek(PENDING_HEAD); ok && pending(c.key()); ok = c.next()) {
        sum += Bytes.getLong(c.val(), 0);
      }
    }
    return sum;
  }

  /** Whether {@code key} is a waiting extent's ({@code 'P' | off(8)}). */
  private static boolean pending(byte[] key) {
    return key.length == 9 && key[0] == PENDING;
  }

  /** Puts [start, start + size) on the free list, merged with the free extents either side. */
  private void toFreeList(Txn<ByteBuffer> t, long start, long size) {
    byte[] next = meta.get(t, freeKey(start + size));
    if (next != null) {
      meta.delete(t, freeKey(start + size));
      size += Bytes.getLong(next, 0);
    }
    try (Cur c = meta.openCursor(t)) {
      boolean found = c.seek(freeKey(start)) ? c.prev() : c.last();
      if (found && c.key().length == 9 && c.key()[0] == FREE) {
        long prevOff = Bytes.getLong(c.key(), 1);
        long prevLen = Bytes.getLong(c.val(), 0);
        if (prevOff + prevLen == start) {
          c.delete();
          start = prevOff;
          size += prevLen;
        }
      }
    }
    meta.put(t, freeKey(start), Bytes.ofLong(size));
  }

  /** Bytes on the free list (freed and not handed out again). */
  public long freeTotal(Txn<ByteBuffer> t) {
    if (t == txn) {
      return free;
    }
    return readFreeTotal(t);
  }

  private long readFreeTotal(Txn<ByteBuffer> txn) {
    byte[] v = meta.get(txn, FREE_TOTAL);
    if (v != null) {
      return Bytes.getLong(v, 0);
    }
    long sum = 0;
    try (Cur c = meta.openCursor(txn)) {
      for (boolean ok = c.seek(new byte[] {FREE}); ok && c.key()[0] == FREE; ok = c.next()) {
        sum += Bytes.getLong(c.val(), 0);
      }
    }
    return sum;
  }

  public long end(Txn<ByteBuffer> t) {
    if (t == txn) {
      return end;
    }
    byte[] v = meta.get(t, END);
    return v == null ? 0 : Bytes.getLong(v, 0);
  }

  private static long roundUp(long len) {
    return Math.max(BLOCK, (len + BLOCK - 1) / BLOCK * BLOCK);
  }

  private static byte[] freeKey(long off) {
    return key(FREE, off);
  }

  private static byte[] pendingKey(long off) {
    return key(PENDING, off);
  }

  private static byte[] key(byte kind, long off) {
    byte[] k = new byte[9];
    k[0] = kind;
    Bytes.putLong(k, 1, off);
    return k;
  }
}
