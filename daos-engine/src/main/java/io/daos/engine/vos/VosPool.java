package io.daos.engine.vos;

import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.store.ReadTxn;
import io.daos.engine.vos.store.Store;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.KeyForm;
import io.daos.engine.vos.tree.Keys;
import java.nio.ByteBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned object store of one pool on one target (DAOS {@code vos_pool}): an LMDB environment plus a blob
 * file in {@code <dir>/vos-<tgt>/} ({@code data.mdb}, {@code lock.mdb}, {@code blob.dat}), holding containers.
 * <p>Updates and punches can be queued and committed in groups ({@link GroupCommit}): one LMDB transaction, one
 * blob sync and one index sync for many writes.
 * <p>Not thread-safe, by design (DESIGN D7): a pool is opened, used and closed by its target's single thread;
 * there are no locks on this path.
 */
public final class VosPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VosPool.class);

  private final Path dir;
  private final Store store;

  private VosPool(Path dir, Store store) {
    this.dir = dir;
    this.store = store;
  }

  /** The directory of target {@code tgt}'s VOS pool under {@code poolDir}. */
  public static Path path(Path poolDir, int tgt) {
    return poolDir.resolve("vos-" + tgt);
  }

  /** Creates the target's pool; {@code -DER_EXIST} if it is already there. */
  public static VosPool create(Path poolDir, int tgt, VosOptions opts) {
    return create(poolDir, tgt, opts, 0);
  }

  /**
   * Creates the target's pool with the first {@code blobBytes} of its blob reserved (its share of the pool's NVMe
   * tier); {@code -DER_NOSPACE}, with nothing left behind, if the file system cannot hold them.
   */
  public static VosPool create(Path poolDir, int tgt, VosOptions opts, long blobBytes) {
    return create(poolDir, tgt, opts, blobBytes, false);
  }

  private static VosPool create(Path poolDir, int tgt, VosOptions opts, long blobBytes, boolean reserved) {
    VosPool pool;
    try {
      pool = reserved ? openDir(path(poolDir, tgt), opts) : createEmpty(poolDir, tgt, opts);
    } catch (DaosException e) {
      if (reserved) {
        destroy(poolDir, tgt);
      }
      throw e;
    }
    if (reserved) {
      try {
        pool.store.reserveMap();
      } catch (DaosException e) {
        pool.close();
        destroy(poolDir, tgt);
        throw e;
      }
      // Reopened on its reserved map: commits now write through it (Store: MDB_WRITEMAP).
      pool.close();
      try {
        pool = openDir(path(poolDir, tgt), opts);
      } catch (DaosException e) {
        destroy(poolDir, tgt);
        throw e;
      }
    }
    if (blobBytes > 0) {
      try {
        pool.store.blob.reserve(blobBytes);
      } catch (DaosException e) {
        pool.close();
        destroy(poolDir, tgt);
        throw e;
      }
    }
    return pool;
  }

  /**
   * Creates the target's pool with all its space reserved, as DAOS's pool create fallocates its SCM and NVMe files:
   * LMDB's lock file before LMDB maps it and {@code data.mdb} to the whole map once LMDB has initialised it, so that
   * LMDB never grows a file or touches a mapped page the file system cannot back (on a full tmpfs: SIGBUS), and the first
   * {@code blobBytes} of the blob. {@code -DER_NOSPACE}, with nothing left behind, if the file system cannot hold
   * them.
   */
  public static VosPool createReserved(Path poolDir, int tgt, VosOptions opts, long blobBytes) {
    Path d = path(poolDir, tgt);
    if (Files.exists(d.resolve(Store.DATA_FILE))) {
      throw new DaosException(DaosStatus.EXIST, "VOS pool " + d + " already exists");
    }
    try {
      Files.createDirectories(d);
      Store.reserveLock(d);
    } catch (IOException | DaosException e) {
      destroy(poolDir, tgt);
      if (e instanceof DaosException de) {
        throw de;
      }
      throw new DaosException(DaosStatus.IO, "cannot create " + d + ": " + e.getMessage(), e);
    }
    return create(poolDir, tgt, opts, blobBytes, true);
  }

  private static VosPool createEmpty(Path poolDir, int tgt, VosOptions opts) {
    Path d = path(poolDir, tgt);
    if (Files.exists(d.resolve(Store.DATA_FILE))) {
      throw new DaosException(DaosStatus.EXIST, "VOS pool " + d + " already exists");
    }
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot create " + d + ": " + e.getMessage(), e);
    }
    LOG.debug("vos: creating pool at {}", d);
    return openDir(d, opts);
  }

  /** Opens an existing target pool; {@code -DER_NONEXIST} if there is none. */
  public static VosPool open(Path poolDir, int tgt, VosOptions opts) {
    Path d = path(poolDir, tgt);
    if (!Files.exists(d.resolve(Store.DATA_FILE))) {
      throw new DaosException(DaosStatus.NONEXIST, "no VOS pool at " + d);
    }
    return openDir(d, opts);
  }

  /** Removes a (closed) target pool and its files; a missing pool is not an error. */
  public static void destroy(Path poolDir, int tgt) {
    Path d = path(poolDir, tgt);
    if (!Files.exists(d)) {
      return;
    }
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DaosException(DaosStatus.IO, "cannot destroy VOS pool " + d + ": " + e.getMessage(), e);
    }
  }

  private static VosPool openDir(Path d, VosOptions opts) {
    try {
      Store store = new Store(d, opts);
      LOG.debug("vos: opened {} ({})", d, store.writeMap() ? "MDB_WRITEMAP on its reserved map" : "copying commits");
      return new VosPool(d, store);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DaosException de) {
        throw de;
      }
      throw new DaosException(io.daos.engine.vos.store.Errors.noSpace(e) ? DaosStatus.NOSPACE : DaosStatus.IO,
          "cannot open VOS pool " + d + ": " + e.getMessage(), e);
    }
  }

  public Path dir() {
    return dir;
  }

  /** Whether this target's commits write through its reserved LMDB map ({@code MDB_WRITEMAP}; see Store). */
  public boolean writeMap() {
    return store.writeMap();
  }

  /**
   * Longest dkey/akey kept inline in its index key (LMDB key limit minus the index key header; 486 bytes). Longer keys
   * are indexed by prefix and hash (see {@code tree.KeyIndex}), except on lexical objects, where they get DER_KEY2BIG.
   */
  public int maxInlineKeySize() {
    return KeyForm.maxInlineSize(store);
  }

  /** Creates a container; {@code -DER_EXIST} if it exists. */
  public VosContainer createContainer(UUID uuid) {
    byte[] key = Keys.head(Uuids.toBytes(uuid), Keys.CONT);
    store.pending.commit();
    try (Txn<ByteBuffer> txn = store.write()) {
      if (store.index.get(txn, key) != null) {
        throw new DaosException(DaosStatus.EXIST, "container " + uuid + " exists");
      }
      store.index.put(txn, key, new byte[0]);
      store.commit(txn);
    } catch (RuntimeException e) {
      throw io.daos.engine.vos.store.Errors.toDaos(e);
    }
    return new VosContainer(store, uuid);
  }

  /** Opens a container; {@code -DER_NONEXIST} if absent. */
  public VosContainer openContainer(UUID uuid) {
    try (ReadTxn r = store.read()) {
      if (!store.index.exists(r.txn, Keys.head(Uuids.toBytes(uuid), Keys.CONT))) {
        throw new DaosException(DaosStatus.NONEXIST, "container " + uuid + " does not exist");
      }
    }
    return new VosContainer(store, uuid);
  }

  /** Destroys a container: all its records go, blob space returns to the allocator. */
  public void destroyContainer(UUID uuid) {
    byte[] prefix = Uuids.toBytes(uuid);
    store.pending.commit();
    try (Txn<ByteBuffer> txn = store.write()) {
      if (store.index.get(txn, Keys.head(prefix, Keys.CONT)) == null) {
        throw new DaosException(DaosStatus.NONEXIST, "container " + uuid + " does not exist");
      }
      try (Cur c = store.index.openCursor(txn)) {
        for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
          byte tag = c.key()[16];
          if (tag == Keys.SV || tag == Keys.EXT) {
            store.freeValue(txn, ValueRef.decode(c.val()));
          }
          c.delete();
        }
      }
      store.commit(txn);
      store.forgetPunchState(prefix);
    } catch (RuntimeException e) {
      throw io.daos.engine.vos.store.Errors.toDaos(e);
    }
  }

  /** Containers of this pool whose punch state the store keeps (see {@code Tx.mayHavePunches}). */
  int punchStatesKnown() {
    return store.punchStatesKnown();
  }

  public List<UUID> listContainers() {
    List<UUID> out = new ArrayList<>();
    try (ReadTxn r = store.read(); Cur c = store.index.openCursor(r.txn)) {
      for (boolean ok = c.first(); ok; ) {
        byte[] cont = java.util.Arrays.copyOf(c.key(), 16);
        if (store.index.exists(r.txn, Keys.head(cont, Keys.CONT))) {
          out.add(Uuids.fromBytes(cont));
        }
        ok = c.seek(Bytes.concat(cont, new byte[] {(byte) 0xff}));
      }
    }
    return out;
  }

  /** Bytes of LMDB pages in use (freed pages, which LMDB reuses, not counted), as of the last commit. */
  public long metaBytes() {
    return store.metaBytes();
  }

  /** Bytes of the blob file handed out so far (high-water mark of the extent allocator), as of the last commit. */
  public long blobEnd() {
    return store.blobEnd();
  }

  /** Bytes of the blob file in use (handed out and not freed), as of the last commit. */
  public long blobUsed() {
    return store.blobUsed();
  }

  /** The blob's backend in words ({@link io.daos.engine.vos.blob.Blob#backend()}), as the pool-open log line says. */
  public String blobBackend() {
    return store.blob.backend();
  }

  /**
   * The views of the blob that fetches handed out ({@link io.daos.engine.vos.blob.BlobViews#given()}: values sent
   * straight from the blob's memory) and not released yet.
   */
  public io.daos.engine.vos.blob.BlobViews blobViews() {
    return store.views();
  }

  /** Write transactions (not aggregation's) committed since the pool was opened: a pass is due only after some. */
  public long writes() {
    return store.writes();
  }

  /** Writes submitted on this pool and not yet committed. */
  public int pendingWrites() {
    return store.pending.size();
  }

  /** Commits this pool's queued writes now (see {@link GroupCommit}); returns how many were completed. */
  public int commitPending() {
    return store.pending.commit();
  }

  /** Commits queued writes, then closes the environment and the blob. */
  @Override
  public void close() {
    store.close();
  }
}
