package io.daos.engine.vos.blob;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.lmdb.Db;
import java.nio.ByteBuffer;
import org.lmdbjava.Txn;

/**
 * First-fit allocator of 4 KiB blocks in the target's blob file (the role of DAOS's VEA). Its state lives in the
 * meta database, so an allocation commits or aborts with the metadata transaction that uses it:
 * {@code "end"} → first never-allocated byte; {@code 'F' | off(8)} → length of a free extent; {@code "fre"} → the
 * sum of the free extents' lengths (so that space in use, {@code end - free}, costs one read; a store written
 * before it existed has it computed from the free list on first use).
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

  private final Db meta;
  /** The write transaction {@link #end} and {@link #free} belong to (null: none), and whether they changed in it. */
  private Txn<ByteBuffer> txn;
  private long end;
  private long free;
  private boolean dirty;

  public ExtentAllocator(Db meta) {
    this.meta = meta;
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
    reset();
  }

  /** Forgets the transaction in use (committed or aborted). */
  public void reset() {
    txn = null;
    dirty = false;
  }

  /** Returns the offset of {@code len} bytes (rounded up to whole blocks). */
  public long allocate(Txn<ByteBuffer> t, long len) {
    use(t);
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

  /** Returns [off, off + len) to the free list, merging with free neighbours. */
  public void free(Txn<ByteBuffer> t, long off, long len) {
    use(t);
    long start = off;
    long size = roundUp(len);
    free += size;
    dirty = true;
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
    byte[] k = new byte[9];
    k[0] = FREE;
    Bytes.putLong(k, 1, off);
    return k;
  }
}
