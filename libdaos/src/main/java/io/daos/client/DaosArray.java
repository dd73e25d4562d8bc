package io.daos.client;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.client.obj.QueryKey;
import io.daos.client.obj.Recx;
import io.daos.client.rpc.Futures;
import io.daos.placement.Cond;
import io.daos.placement.object.ObjectType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An array object with DAOS's array layout ({@code dc_array.c}): akey {@code '0'}; cell {@code i} lives under the
 * 8-byte little-endian dkey {@code i / chunk + 1} at record {@code i % chunk}; {@code DAOS_OT_ARRAY} objects keep
 * {@code [0xdaca55a9daca55a9, cell, chunk]} as a single value at dkey 0. Unwritten cells read as zeros.
 */
public final class DaosArray implements AutoCloseable {
  static final long MAGIC = 0xdaca55a9daca55a9L;
  static final byte[] AKEY = {'0'};
  static final byte[] MD_DKEY = Keys.u64(0);
  private static final int MD_SIZE = 24;

  private final DaosObject obj;
  private final int cell;
  private final long chunk;

  private DaosArray(DaosObject obj, long cell, long chunk) {
    if (cell < 1 || cell > Integer.MAX_VALUE || chunk < 1) {
      throw new DaosException(DaosStatus.INVAL, "array cell size must be 1.." + Integer.MAX_VALUE
          + " and chunk size >= 1, got cell " + cell + ", chunk " + chunk);
    }
    if (!obj.oid().type().array()) {
      throw new DaosException(DaosStatus.INVAL, "object " + obj.oid() + " has type " + obj.oid().type()
          + "; an array needs an ARRAY, ARRAY_ATTR or ARRAY_BYTE object id");
    }
    this.obj = obj;
    this.cell = (int) cell;
    this.chunk = chunk;
  }

  /**
   * A read-only view of this array as it was at a snapshot's {@code epoch} (see {@link DaosObject#atSnapshot}):
   * reads and {@code getSize} see that epoch; writes, punches and {@code setSize} fail with DER_NO_PERM.
   */
  public DaosArray atSnapshot(long epoch) {
    return new DaosArray(obj.atSnapshot(epoch), cell, chunk);
  }

  static CompletableFuture<DaosArray> create(DaosObject obj, long cell, long chunk) {
    DaosArray a = new DaosArray(obj, cell, chunk);
    if (obj.oid().type() != ObjectType.ARRAY) {
      return CompletableFuture.completedFuture(a);
    }
    byte[] md = ByteBuffer.allocate(MD_SIZE).order(ByteOrder.LITTLE_ENDIAN).putLong(MAGIC).putLong(cell)
        .putLong(chunk).array();
    return obj.updateAsync(MD_DKEY, List.of(Iod.single(AKEY, md)), Cond.DKEY_INSERT | Cond.AKEY_INSERT)
        .thenApply(v -> a);
  }

  static CompletableFuture<DaosArray> open(DaosObject obj) {
    if (obj.oid().type() != ObjectType.ARRAY) {
      throw new DaosException(DaosStatus.INVAL, "object " + obj.oid() + " of type " + obj.oid().type()
          + " keeps no array metadata; open it with openArrayWithAttr(oid, cell, chunk)");
    }
    return obj.fetchAsync(MD_DKEY, List.of(Iod.singleFetch(AKEY, MD_SIZE)), Cond.DKEY_FETCH | Cond.AKEY_FETCH)
        .thenApply(r -> {
          FetchedIod f = r.get(0);
          ByteBuffer b = ByteBuffer.wrap(f.data()).order(ByteOrder.LITTLE_ENDIAN);
          if (f.data().length != MD_SIZE || b.getLong(0) != MAGIC) {
            throw new DaosException(DaosStatus.NOTSUPPORTED, "object " + obj.oid()
                + " holds no DAOS array metadata at dkey 0 (bad magic or size)");
          }
          return new DaosArray(obj, b.getLong(8), b.getLong(16));
        });
  }

  static DaosArray withAttr(DaosObject obj, long cell, long chunk) {
    return new DaosArray(obj, cell, chunk);
  }

  public DaosObject object() {
    return obj;
  }

  public long cellSize() {
    return cell;
  }

  public long chunkSize() {
    return chunk;
  }

  /** The dkey holding cell {@code index}. */
  static byte[] dkey(long index, long chunk) {
    return Keys.u64(index / chunk + 1);
  }

  /** A contiguous run of cells inside one dkey: cells [start, start + count) of the array. */
  record Segment(long start, long count, long chunk) {
    byte[] dkey() {
      return DaosArray.dkey(start, chunk);
    }

    Recx recx() {
      return new Recx(start % chunk, count);
    }
  }

  static List<Segment> segments(long index, long count, long chunk) {
    List<Segment> out = new ArrayList<>();
    long i = index;
    long end = index + count;
    while (i < end) {
      long n = Math.min(chunk - i % chunk, end - i);
      out.add(new Segment(i, n, chunk));
      i += n;
    }
    return out;
  }

  // --- write / read ------------------------------------------------------------------------------------------

  /**
   * {@code daos_array_write} of {@code data} (whole cells) at cell {@code index}. The bytes are sent from
   * {@code data} itself, not a copy: with {@link #writeAsync}, leave {@code data} unchanged until the future
   * completes (DAOS asks the same of an sgl in flight).
   */
  public void write(long index, byte[] data) {
    Futures.join(writeAsync(index, data));
  }

  /**
   * {@code daos_array_write} of {@code data}'s remaining bytes (whole cells) at cell {@code index}, sent from the
   * buffer itself: a direct buffer (the Java form of C memory in an sgl) reaches the socket with no copy. Leave its
   * bytes unchanged until the future completes; its position and limit are not moved.
   */
  public CompletableFuture<Void> writeAsync(long index, java.nio.ByteBuffer data) {
    return Futures.of(() -> {
      int n = data.remaining();
      checkRange(index, n % cell == 0 ? n / cell : -1, n);
      java.nio.ByteBuffer all = data.slice();
      List<CompletableFuture<Void>> fs = new ArrayList<>();
      for (Segment s : segments(index, n / cell, chunk)) {
        Iod iod = Iod.arrayView(AKEY, cell, List.of(s.recx()), all.slice((int) ((s.start() - index) * cell),
            (int) (s.count() * cell)));
        fs.add(obj.updateAsync(s.dkey(), List.of(iod), Cond.NONE));
      }
      return Futures.all(fs).thenApply(l -> null);
    });
  }

  public CompletableFuture<Void> writeAsync(long index, byte[] data) {
    return writeAsync(index, java.nio.ByteBuffer.wrap(data));
  }

  /** {@code daos_array_read} of {@code count} cells from cell {@code index}; holes read as zeros. */
  public byte[] read(long index, long count) {
    return Futures.join(readAsync(index, count));
  }

  public CompletableFuture<byte[]> readAsync(long index, long count) {
    return Futures.of(() -> {
      checkRange(index, count, count * cell);
      byte[] out = new byte[(int) (count * cell)];
      return readInto(index, count, out, 0).thenApply(v -> out);
    });
  }

  /**
   * {@code daos_array_read} into the caller's buffer (DAOS's sgl): {@code len} bytes, whole cells, from cell
   * {@code index} into {@code dst[off, off + len)}; holes read as zeros. {@code dst} may be reused once the future
   * completes (daos_perf keeps one per operation in flight).
   */
  public CompletableFuture<Void> readAsync(long index, byte[] dst, int off, int len) {
    return Futures.of(() -> {
      if (off < 0 || len < 0 || off > dst.length - len || len % cell != 0) {
        throw new DaosException(DaosStatus.INVAL, "array read of " + len + " bytes at offset " + off + " of a "
            + dst.length + "-byte buffer: the range must lie in the buffer and be whole cells of " + cell + " bytes");
      }
      checkRange(index, len / cell, len);
      return readInto(index, len / cell, dst, off);
    });
  }

  private CompletableFuture<Void> readInto(long index, long count, byte[] dst, int off) {
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (Segment s : segments(index, count, chunk)) {
      int at = off + (int) ((s.start() - index) * cell);
      fs.add(obj.fetchIntoAsync(s.dkey(), Iod.arrayFetch(AKEY, cell, List.of(s.recx())), dst, at)
          .thenAccept(size -> { }));
    }
    return Futures.all(fs).thenApply(l -> null);
  }

  private void checkRange(long index, long count, long bytes) {
    if (index < 0 || count < 0) {
      throw new DaosException(DaosStatus.INVAL, "array I/O needs index >= 0 and whole cells of " + cell
          + " bytes, got index " + index + " and " + bytes + " bytes");
    }
    if (bytes > Integer.MAX_VALUE - 16) {
      throw new DaosException(DaosStatus.INVAL, "array I/O of " + bytes + " bytes is too large for one call");
    }
  }

  // --- size --------------------------------------------------------------------------------------------------

  /** {@code daos_array_get_size}: cells up to the last written one (query_key MAX on dkey and recx). */
  public long getSize() {
    return Futures.join(getSizeAsync());
  }

  public CompletableFuture<Long> getSizeAsync() {
    return obj.queryKeyAsync(QueryKey.GET_DKEY | QueryKey.GET_RECX | QueryKey.GET_MAX, null, AKEY)
        .thenApply(q -> {
          long d = Keys.u64(q.dkey());
          return d == 0 || q.recx() == null ? 0L : chunk * (d - 1) + q.recx().end();
        })
        .exceptionally(e -> {
          if (Futures.status(e) == DaosStatus.NONEXIST) {
            return 0L;
          }
          throw Futures.unwrap(e);
        });
  }

  /**
   * {@code daos_array_set_size}: shrinking punches the dkeys past the new end and the tail of the boundary dkey, and
   * when the cell at {@code size - 1} is then a hole writes a zero cell there (DAOS {@code check_record}), so that
   * the size sticks; growing writes one zero cell at {@code size - 1}.
   */
  public void setSize(long size) {
    Futures.join(setSizeAsync(size));
  }

  public CompletableFuture<Void> setSizeAsync(long size) {
    if (size < 0) {
      return Futures.failed(DaosStatus.INVAL, "array size must be >= 0, got " + size);
    }
    return getSizeAsync().thenCompose(cur -> {
      if (size == cur) {
        return CompletableFuture.completedFuture(null);
      }
      if (size > cur) {
        return writeAsync(size - 1, new byte[cell]);
      }
      return shrink(size).thenCompose(v -> getSizeAsync()).thenCompose(now -> now < size
          ? writeAsync(size - 1, new byte[cell]) : CompletableFuture.<Void>completedFuture(null));
    });
  }

  private CompletableFuture<Void> shrink(long size) {
    return obj.listAllDkeysAsync().thenCompose(dkeys -> {
          List<byte[]> gone = new ArrayList<>();
          for (byte[] k : dkeys) {
            long d = Keys.u64(k);
            if (d >= 1 && (d - 1) * chunk >= size) {
              gone.add(k);
            }
          }
          List<CompletableFuture<Void>> fs = new ArrayList<>();
          if (!gone.isEmpty()) {
            fs.add(obj.punchDkeysAsync(gone, Cond.NONE));
          }
          if (size % chunk != 0) {
            fs.add(punchAsync(size, chunk - size % chunk));
          }
          return Futures.all(fs).thenApply(l -> (Void) null);
        });
  }

  /** {@code daos_array_punch}: cells [index, index + count) become holes. */
  public void punch(long index, long count) {
    Futures.join(punchAsync(index, count));
  }

  public CompletableFuture<Void> punchAsync(long index, long count) {
    return Futures.of(() -> {
      checkRange(index, count, 0);
      List<CompletableFuture<Void>> fs = new ArrayList<>();
      for (Segment s : segments(index, count, chunk)) {
        fs.add(obj.updateAsync(s.dkey(), List.of(Iod.arrayPunch(AKEY, List.of(s.recx()))), Cond.NONE));
      }
      return Futures.all(fs).thenApply(l -> null);
    });
  }

  /** {@code daos_array_destroy}: punches the object. */
  public void destroy() {
    Futures.join(destroyAsync());
  }

  public CompletableFuture<Void> destroyAsync() {
    return obj.punchAsync(Cond.NONE);
  }

  @Override
  public void close() {
  }
}
