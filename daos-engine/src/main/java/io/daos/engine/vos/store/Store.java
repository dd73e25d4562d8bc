package io.daos.engine.vos.store;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.blob.Blob;
import io.daos.engine.vos.blob.BlobView;
import io.daos.engine.vos.blob.BlobViews;
import io.daos.engine.vos.blob.ExtentAllocator;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.lmdb.Db;
import io.daos.engine.vos.lmdb.Scratch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.lmdbjava.ByteBufferProxy;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;

/**
 * One target's storage: the LMDB environment (databases {@code index} and {@code meta}), the blob (backend per
 * {@link VosOptions#blob()}) and its allocator. Env flags: {@code MDB_NOTLS} (read transactions are not tied to OS
 * threads) and, unless {@link VosOptions#durable()} is false, LMDB's default durable commit (fsync of data and meta
 * pages).
 * <p>A store whose {@code data.mdb} is reserved to the whole map (see {@link #reserveMap}; checked again at every
 * open) is opened with {@code MDB_WRITEMAP}: a commit writes its pages straight into the map and syncs them with
 * msync instead of copying each dirty page out with {@code pwrite} (half the cost of a small update; see
 * docs/benchmarks.md). Only a reserved map may be written through: a mapped page the file system cannot back faults
 * the process (SIGBUS) instead of failing a call. Where the reservation fails or fallocate is unsupported, the store
 * keeps LMDB's copying commit.
 * Single-threaded per D7: only the owning target's thread calls it.
 */
public final class Store implements AutoCloseable {
  public static final String DATA_FILE = "data.mdb";
  public static final String BLOB_FILE = "blob.dat";
  private static final byte[] NEXT_ID = {'i', 'd'};

  final Env<ByteBuffer> env;
  public final Db index;
  final Db meta;
  final ExtentAllocator alloc;
  public final Blob blob;
  /** The views of the blob handed out and not released yet ({@link #view}). */
  private final BlobViews views;
  final VosOptions opts;
  private final Path dir;
  /** Opened with {@code MDB_WRITEMAP} (its map is reserved). */
  private final boolean writeMap;
  public final int maxKeySize;
  public final PendingWrites pending;
  private final Scratch scratch = new Scratch();
  private boolean blobDirty;
  private final long pageSize;
  /** Space in use as of the last commit (-1: not read yet), so that space checks cost no LMDB call per update. */
  private long usedMeta = -1;
  private long usedBlob = -1;
  private long blobHigh = -1;
  /** The reusable read transaction (null until the first read) and whether it is reset, free for the next read. */
  private Txn<ByteBuffer> reader;
  private boolean readerIdle;
  /** Point-seek cursors shared by the ops of one transaction: one of the reusable reader, one of the open writer. */
  private Cur readSeeker;
  private boolean readSeekerStale;
  private Cur writeSeeker;
  private Txn<ByteBuffer> writeSeekerTxn;

  public Store(Path dir, VosOptions opts) throws IOException {
    this.dir = dir;
    this.opts = opts;
    this.writeMap = mapReserved(dir.resolve(DATA_FILE), opts.mapSize());
    java.util.List<EnvFlags> flags = new java.util.ArrayList<>(java.util.List.of(EnvFlags.MDB_NOTLS));
    if (!opts.durable()) {
      flags.add(EnvFlags.MDB_NOSYNC);
    }
    if (writeMap) {
      flags.add(EnvFlags.MDB_WRITEMAP);
    }
    this.env = Env.create(ByteBufferProxy.PROXY_OPTIMAL).setMapSize(opts.mapSize()).setMaxDbs(2).setMaxReaders(126)
        .open(dir.toFile(), flags.toArray(new EnvFlags[0]));
    this.index = new Db(env.openDbi("index", DbiFlags.MDB_CREATE), scratch);
    this.meta = new Db(env.openDbi("meta", DbiFlags.MDB_CREATE), scratch);
    this.views = BlobViews.of(dir.resolve(BLOB_FILE));
    this.alloc = new ExtentAllocator(meta, views);
    try {
      freeWaiting(); // metadata only: the blob is not read
      this.blob = opts.blob().open(dir.resolve(BLOB_FILE));
    } catch (IOException | RuntimeException e) {
      views.close();
      env.close();
      throw e;
    }
    this.maxKeySize = env.getMaxKeySize();
    this.pageSize = env.stat().pageSize;
    this.pending = new PendingWrites(this);
  }

  /** Frees the extents a run that ended with views out left waiting for them (see {@link ExtentAllocator}). */
  private void freeWaiting() {
    Txn<ByteBuffer> t = env.txnWrite();
    try {
      if (alloc.freeWaiting(t)) {
        alloc.flush(t);
        t.commit();
      }
    } finally {
      alloc.reset();
      t.close();
    }
  }

  /** LMDB's lock file, reserved before LMDB maps it (its reader table). */
  static final String LOCK_FILE = "lock.mdb";
  private static final long LOCK_BYTES = 64 * 1024;

  /**
   * Reserves a new store's LMDB lock file ({@code lock.mdb}, its reader table) with fallocate before LMDB creates and
   * maps it: a mapped page of a sparse file on a full file system faults (SIGBUS on tmpfs) instead of failing a call.
   * {@code -DER_NOSPACE} if the space is not there; on a file system without fallocate the file stays sparse.
   */
  public static void reserveLock(Path dir) throws IOException {
    reserveFile(dir.resolve(LOCK_FILE), LOCK_BYTES);
  }

  /**
   * Reserves the whole LMDB map in {@code data.mdb} (once LMDB has written its meta pages: a file of zeros is not an
   * LMDB file), so that LMDB never extends its file on a full file system; {@code -DER_NOSPACE} if it cannot.
   */
  public void reserveMap() {
    try {
      reserveFile(dir.resolve(DATA_FILE), opts.mapSize());
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot reserve " + dir.resolve(DATA_FILE) + ": " + e.getMessage(), e);
    }
  }

  /**
   * An existing {@code data.mdb} that {@link #reserveMap} extended to the whole map (LMDB's copying commits never
   * extend it past its last page), reserved again with fallocate (idempotent, and cheap when the blocks are there).
   * False for a new or unreserved store, on a file system without fallocate, and when the space is not there.
   */
  private static boolean mapReserved(Path data, long mapSize) {
    try {
      if (!java.nio.file.Files.exists(data) || java.nio.file.Files.size(data) < mapSize) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    return io.daos.ffi.Preallocate.reserve(data, mapSize).ok();
  }

  /** Whether commits write through the map ({@code MDB_WRITEMAP}); see the class comment. */
  public boolean writeMap() {
    return writeMap;
  }

  private static void reserveFile(Path p, long bytes) throws IOException {
    if (!java.nio.file.Files.exists(p)) {
      java.nio.file.Files.createFile(p);
    }
    io.daos.ffi.Preallocate.Result r = io.daos.ffi.Preallocate.reserve(p, bytes);
    if (r.noSpace()) {
      throw new DaosException(DaosStatus.NOSPACE, "cannot reserve " + bytes + " B for " + p + ": no space left on "
          + "its file system; create a smaller pool or free space there");
    }
    if (!r.ok() && !r.unsupported()) {
      throw new DaosException(DaosStatus.IO, "cannot reserve " + bytes + " B for " + p + ": errno " + r.errno());
    }
  }

  public long nextId(Txn<ByteBuffer> txn) {
    byte[] v = meta.get(txn, NEXT_ID);
    long id = v == null ? 1 : Bytes.getLong(v, 0);
    meta.put(txn, NEXT_ID, Bytes.ofLong(id + 1));
    return id;
  }

  /** Stores {@code len} bytes of {@code data} inline or in the blob (data written now, forced at commit). */
  public ValueRef putValue(Txn<ByteBuffer> txn, long recordSize, byte[] data, int from, int len) {
    if (len < opts.dataThresh() || opts.dataThresh() == 0) {
      byte[] copy = new byte[len];
      System.arraycopy(data, from, copy, 0, len);
      return ValueRef.inline(recordSize, copy);
    }
    long off = alloc.allocate(txn, len);
    blob.write(off, data, from, len);
    blobDirty = true;
    return ValueRef.blob(recordSize, off, len);
  }

  /** {@link #putValue(Txn, long, byte[], int, int)} from bytes [from, from + len) of {@code parts} back to back. */
  public ValueRef putValue(Txn<ByteBuffer> txn, long recordSize, ByteBuffer[] parts, int from, int len) {
    if (len < opts.dataThresh() || opts.dataThresh() == 0) {
      byte[] copy = new byte[len];
      Bufs.copy(parts, from, copy, 0, len);
      return ValueRef.inline(recordSize, copy);
    }
    long off = alloc.allocate(txn, len);
    blob.write(off, Bufs.slice(parts, from, len));
    blobDirty = true;
    return ValueRef.blob(recordSize, off, len);
  }

  public void readValue(ValueRef v, long byteOff, byte[] dst, int to, int len) {
    if (v.kind() == ValueRef.INLINE) {
      System.arraycopy(v.inline(), (int) byteOff, dst, to, len);
    } else if (v.kind() == ValueRef.BLOB) {
      blob.read(v.blobOff() + byteOff, dst, to, len);
    }
  }

  /** {@link #readValue(ValueRef, long, byte[], int, int)} into a buffer (absolute positions; dst is not moved). */
  public void readValue(ValueRef v, long byteOff, ByteBuffer dst, int to, int len) {
    if (v.kind() == ValueRef.INLINE) {
      dst.put(to, v.inline(), (int) byteOff, len);
    } else if (v.kind() == ValueRef.BLOB) {
      blob.read(v.blobOff() + byteOff, dst, to, len);
    }
  }

  /**
   * A view of {@code len} bytes at {@code byteOff} of blob value {@code v} in the blob's own memory, or null where
   * the value is not in the blob or the backend has no view of that range (read it instead). The caller releases it
   * ({@link BlobView#release}, from any thread) once the bytes are sent; until then the range is not reused.
   */
  public BlobView view(ValueRef v, long byteOff, int len) {
    if (v.kind() != ValueRef.BLOB || byteOff < 0 || byteOff + len > v.len()) {
      return null;
    }
    BlobView bv = blob.view(v.blobOff() + byteOff, len);
    return bv == null ? null : views.track(bv);
  }

  /** The views of this store's blob not released yet. */
  public BlobViews views() {
    return views;
  }

  public void freeValue(Txn<ByteBuffer> txn, ValueRef v) {
    if (v.kind() == ValueRef.BLOB) {
      alloc.free(txn, v.blobOff(), v.len());
    }
  }

  /** Commits that were not aggregation's own (see {@link #writes()}). */
  private long writes;

  /** Blob data first (fdatasync), then the metadata commit: no acknowledged update can point at lost data. */
  public void commit(Txn<ByteBuffer> txn) {
    commitTxn(txn);
    writes++;
  }

  /** {@link #commit} of an aggregation slice, which does not count as a write in {@link #writes()}. */
  public void commitAggregation(Txn<ByteBuffer> txn) {
    commitTxn(txn);
  }

  /** How many write transactions other than aggregation's have committed since the store was opened. */
  public long writes() {
    return writes;
  }

  private void commitTxn(Txn<ByteBuffer> txn) {
    dropWriteSeeker();
    long end = alloc.end(txn);
    long used = end - alloc.freeTotal(txn);
    alloc.flush(txn);
    if (blobDirty) {
      blob.force();
      blobDirty = false;
    }
    txn.commit();
    blobHigh = end;
    usedBlob = used;
    usedMeta = -1;
  }

  /**
   * Bytes of LMDB pages in use, as of the last commit: the pages of the index and meta trees, the main database and
   * the two meta pages. Pages LMDB has freed (overwritten or deleted records) are not counted: LMDB reuses them, so
   * they are space a write can have.
   */
  public long metaBytes() {
    if (usedMeta < 0) {
      try (ReadTxn r = read()) {
        long pages = 2 + index.pages(r.txn) + meta.pages(r.txn);
        org.lmdbjava.Stat main = env.stat();
        pages += main.branchPages + main.leafPages + main.overflowPages;
        usedMeta = pages * pageSize;
      }
    }
    return usedMeta;
  }

  /** The least SCM kept for the writes that are not updates: 5 % of the LMDB map, as DAOS, at least 256 KiB. */
  private static final long MIN_SYS_RESERVE = 256 * 1024;

  /**
   * Bytes of the LMDB map that updates leave free (DAOS's SCM "sys" space of {@code vos_space_sys_init}: 5 %), so
   * that punches, DTX commits and aborts, container destroys and aggregation, which need a few free pages even to
   * delete (LMDB copies a page before changing it), still run once updates have filled the pool.
   */
  public long sysReserve() {
    return Math.min(opts.mapSize() / 4, Math.max(MIN_SYS_RESERVE, opts.mapSize() / 20));
  }

  /** Whether the pages {@code txn} has in use leave less of the map free than {@link #sysReserve()}. */
  boolean overReserve(Txn<ByteBuffer> txn) {
    long pages = 4 + index.pages(txn) + meta.pages(txn);
    return pages * pageSize > opts.mapSize() - sysReserve();
  }

  /** The DER_NOSPACE of an update refused by {@link #overReserve}. */
  DaosException reserveFull() {
    return new DaosException(DaosStatus.NOSPACE, "VOS index is full: updates may not take the last "
        + sysReserve() + " B of its " + opts.mapSize() + " B (kept for punches, destroys and aggregation); "
        + "destroy containers or snapshots, or create a pool with more SCM");
  }

  /** Bytes of the LMDB file up to its last written page (its high-water mark), as of the last commit. */
  public long metaFileBytes() {
    return (env.info().lastPageNumber + 1) * pageSize;
  }

  /** Bytes of the blob file handed out (the allocator's high-water mark), as of the last commit. */
  public long blobEnd() {
    if (blobHigh < 0) {
      readBlobUsage();
    }
    return blobHigh;
  }

  /** Bytes of the blob in use: handed out and not freed since (freed extents are reused first), as of the last commit. */
  public long blobUsed() {
    if (usedBlob < 0) {
      readBlobUsage();
    }
    return usedBlob;
  }

  private void readBlobUsage() {
    try (ReadTxn r = read()) {
      blobHigh = alloc.end(r.txn);
      usedBlob = blobHigh - alloc.freeTotal(r.txn);
    }
  }

  /** Ends a top-level write transaction without committing (a no-op after {@link #commit}). */
  void abort(Txn<ByteBuffer> txn) {
    dropWriteSeeker();
    alloc.reset();
    blobDirty = false;
    blob.discardPending();
    txn.close();
  }

  public Txn<ByteBuffer> write() {
    return env.txnWrite();
  }


  /** A read snapshot; the reusable one unless it is in use (a read inside a read gets its own). */
  public ReadTxn read() {
    if (reader == null) {
      reader = env.txnRead();
      return new ReadTxn(reader, this);
    }
    if (!readerIdle) {
      return new ReadTxn(env.txnRead(), null);
    }
    reader.renew();
    readerIdle = false;
    return new ReadTxn(reader, this);
  }

  void idle(Txn<ByteBuffer> txn) {
    txn.reset();
    readerIdle = true;
    readSeekerStale = true;
  }

  /**
   * Whether a container may hold punch records: absent until a reader has looked (see {@code tree.Tx}), then false
   * until a punch is logged in it. A punch that aborts leaves it true (a lookup too many, never one too few).
   */
  private final java.util.Map<ByteBuffer, Boolean> punchStates = new java.util.HashMap<>();

  /** {@code cont}'s punch state (null: not known yet). */
  public Boolean punchState(byte[] cont) {
    return punchStates.get(ByteBuffer.wrap(cont));
  }

  /** Records whether {@code cont} may hold punch records. */
  public void punchState(byte[] cont, boolean may) {
    punchStates.put(ByteBuffer.wrap(cont.clone()), may);
  }

  /** Forgets {@code cont}'s punch state (the container is destroyed). */
  public void forgetPunchState(byte[] cont) {
    punchStates.remove(ByteBuffer.wrap(cont));
  }

  /** Containers whose punch state is known. */
  public int punchStatesKnown() {
    return punchStates.size();
  }

  /**
   * The point-seek cursor shared by every op in {@code txn} (the reusable read transaction or the top-level write
   * transaction), or null if {@code txn} is neither; the store closes it, callers must not.
   */
  public Cur seeker(Txn<ByteBuffer> txn) {
    if (txn == reader) {
      if (readSeeker == null) {
        readSeeker = index.openCursor(txn);
      } else if (readSeekerStale) {
        readSeeker.renew(txn);
      }
      readSeekerStale = false;
      return readSeeker;
    }
    if (txn.isReadOnly()) {
      return null;
    }
    if (txn != writeSeekerTxn) {
      dropWriteSeeker();
      writeSeeker = index.openCursor(txn);
      writeSeekerTxn = txn;
    }
    return writeSeeker;
  }

  private void dropWriteSeeker() {
    if (writeSeeker != null) {
      writeSeeker.close();
      writeSeeker = null;
      writeSeekerTxn = null;
    }
  }

  @Override
  public void close() {
    pending.close();
    if (readSeeker != null) {
      readSeeker.close();
    }
    if (reader != null) {
      reader.close();
    }
    try {
      blob.close();
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "closing blob: " + e.getMessage(), e);
    } finally {
      views.close();
      env.close();
    }
  }
}
