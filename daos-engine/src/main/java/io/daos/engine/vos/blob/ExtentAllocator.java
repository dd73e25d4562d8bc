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
 */
public final class ExtentAllocator {
  static final long BLOCK = 4096;
  private static final byte[] END = {'e', 'n', 'd'};
  private static final byte FREE = 'F';
  private static final byte[] FREE_TOTAL = {'f', 'r', 'e'};

  private final Db meta;

  public ExtentAllocator(Db meta) {
    this.meta = meta;
  }

  /** Returns the offset of {@code len} bytes (rounded up to whole blocks). */
  public long allocate(Txn<ByteBuffer> txn, long len) {
    long need = roundUp(len);
    try (Cur c = meta.openCursor(txn)) {
      for (boolean ok = c.seek(new byte[] {FREE}); ok && c.key()[0] == FREE; ok = c.next()) {
        long have = Bytes.getLong(c.val(), 0);
        if (have >= need) {
          long off = Bytes.getLong(c.key(), 1);
          c.delete();
          if (have > need) {
            meta.put(txn, freeKey(off + need), Bytes.ofLong(have - need));
          }
          addFree(txn, -need);
          return off;
        }
      }
    }
    long end = end(txn);
    meta.put(txn, END, Bytes.ofLong(end + need));
    return end;
  }

  /** Returns [off, off + len) to the free list, merging with free neighbours. */
  public void free(Txn<ByteBuffer> txn, long off, long len) {
    long start = off;
    long size = roundUp(len);
    addFree(txn, size);
    byte[] next = meta.get(txn, freeKey(start + size));
    if (next != null) {
      meta.delete(txn, freeKey(start + size));
      size += Bytes.getLong(next, 0);
    }
    try (Cur c = meta.openCursor(txn)) {
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
    meta.put(txn, freeKey(start), Bytes.ofLong(size));
  }

  /** Bytes on the free list (freed and not handed out again). */
  public long freeTotal(Txn<ByteBuffer> txn) {
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

  private void addFree(Txn<ByteBuffer> txn, long delta) {
    meta.put(txn, FREE_TOTAL, Bytes.ofLong(freeTotal(txn) + delta));
  }

  public long end(Txn<ByteBuffer> txn) {
    byte[] v = meta.get(txn, END);
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
