package io.daos.engine.vos;

import io.daos.engine.vos.agg.AggregateOp;
import io.daos.engine.vos.agg.Aggregation;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.vos.store.Errors;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.store.ReadTxn;
import io.daos.engine.vos.store.Store;
import io.daos.engine.vos.tree.KeyForm;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.Cond;
import java.nio.ByteBuffer;
import org.lmdbjava.Txn;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One container of a {@link VosPool}: update, fetch, punch, enumerate and query objects at epochs. Epochs are
 * DAOS HLC values; a read epoch that is negative as a Java long (e.g. {@code DAOS_EPOCH_MAX = ~0}) means
 * "latest". Updates and punches need an epoch in [1, Long.MAX_VALUE). A synchronous write is durable when it
 * returns; a {@code submit*} write is queued for the thread's next {@link GroupCommit} and its future completes
 * once it is durable. Reads see committed writes only. Keys are in the caller's form (uint64 keys: 8 little-endian bytes).
 * <p>Not thread-safe, by design (DESIGN D7): only the owning target's thread uses it; there are no locks.
 */
public final class VosContainer {
  private final Store store;
  private final UUID uuid;
  private final byte[] cont;

  VosContainer(Store store, UUID uuid) {
    this.store = store;
    this.uuid = uuid;
    this.cont = Uuids.toBytes(uuid);
  }

  public UUID uuid() {
    return uuid;
  }

  /** vos_obj_update: writes {@code iods} under {@code dkey} at {@code epoch}; {@code flags} are {@link Cond} bits. */
  public void update(long epoch, VosObjectId oid, byte[] dkey, List<Iod> iods, int flags) {
    await(submitUpdate(epoch, oid, dkey, iods, flags));
  }

  /**
   * Queues an update for the next group commit (see {@link GroupCommit}); the future completes once the update is
   * durable, or fails with its own {@link DaosException} (bad input fails it at once).
   */
  public CompletableFuture<Void> submitUpdate(long epoch, VosObjectId oid, byte[] dkey, List<Iod> iods, int flags) {
    return submitUpdate(() -> {
      byte[] d = dkey(oid, dkey);
      List<Iod> checked = IodCheck.forUpdate(iods, oid, maxKey());
      long e = writeEpoch(epoch);
      return tx -> new UpdateOp(tx, e, oid).run(d, checked, flags);
    });
  }

  /** vos_obj_fetch: one {@link FetchedValue} per iod, as visible at {@code epoch}. */
  public List<FetchedValue> fetch(long epoch, VosObjectId oid, byte[] dkey, List<Iod> iods, int flags) {
    byte[] d = dkey(oid, dkey);
    List<Iod> checked = IodCheck.forFetch(iods, oid, maxKey());
    return read(tx -> new FetchOp(tx, readEpoch(epoch), oid).run(d, checked, flags));
  }

  /**
   * {@link #fetch} whose values of {@code n} bytes are read into {@code buffers.apply(n)} (positions 0 to n; a null
   * buffer means a heap array), e.g. pooled direct buffers the reply is sent from: a blob read lands there with no
   * staging copy. Where {@code buffers} is a {@link ViewSink}, a value of one whole extent in the blob comes as a view
   * of the blob instead (no copy at all; the sink releases it). Fragments of one array value are assumed in
   * increasing order (as the visible view gives them).
   */
  public List<FetchedValue> fetchInto(long epoch, VosObjectId oid, byte[] dkey, List<Iod> iods, int flags,
      IntFunction<ByteBuffer> buffers) {
    byte[] d = dkey(oid, dkey);
    List<Iod> checked = IodCheck.forFetch(iods, oid, maxKey());
    return read(tx -> new FetchOp(tx, readEpoch(epoch), oid, buffers).run(d, checked, flags));
  }

  /** Punches the whole object at {@code epoch} ({@link Cond#PUNCH}: fail if it does not exist). */
  public void punchObject(long epoch, VosObjectId oid, int flags) {
    await(submitPunchObject(epoch, oid, flags));
  }

  /** {@link #punchObject} through the group commit, like {@link #submitUpdate}. */
  public CompletableFuture<Void> submitPunchObject(long epoch, VosObjectId oid, int flags) {
    return submit(() -> {
      long e = writeEpoch(epoch);
      return tx -> new PunchOp(tx, e, oid).object(flags);
    });
  }

  /** Punches dkeys of an object at {@code epoch}. */
  public void punchDkeys(long epoch, VosObjectId oid, List<byte[]> dkeys, int flags) {
    await(submitPunchDkeys(epoch, oid, dkeys, flags));
  }

  /** {@link #punchDkeys} through the group commit, like {@link #submitUpdate}. */
  public CompletableFuture<Void> submitPunchDkeys(long epoch, VosObjectId oid, List<byte[]> dkeys, int flags) {
    return submit(() -> {
      List<byte[]> ds = dkeys.stream().map(k -> dkey(oid, k)).toList();
      long e = writeEpoch(epoch);
      return tx -> new PunchOp(tx, e, oid).dkeys(ds, flags);
    });
  }

  /** Punches akeys under one dkey at {@code epoch}. */
  public void punchAkeys(long epoch, VosObjectId oid, byte[] dkey, List<byte[]> akeys, int flags) {
    await(submitPunchAkeys(epoch, oid, dkey, akeys, flags));
  }

  /** {@link #punchAkeys} through the group commit, like {@link #submitUpdate}. */
  public CompletableFuture<Void> submitPunchAkeys(long epoch, VosObjectId oid, byte[] dkey, List<byte[]> akeys,
      int flags) {
    return submit(() -> {
      byte[] d = dkey(oid, dkey);
      List<byte[]> as = akeys.stream().map(k -> akey(oid, k)).toList();
      long e = writeEpoch(epoch);
      return tx -> new PunchOp(tx, e, oid).akeys(d, as, flags);
    });
  }

  /**
   * Every object shard that has any record in this container, punched ones included (rebuild scans and reclaims
   * these; {@link #listObjects} shows only the visible ones).
   */
  public List<VosObjectId> listObjectShards() {
    return ObjectShards.all(store, cont);
  }

  /**
   * vos_obj_delete: removes object shard {@code oid} with every version of it (no tombstone; its value space is
   * freed); false when this container does not hold it. Committed when it returns, after the queued writes.
   */
  public boolean deleteObject(VosObjectId oid) {
    return ObjectShards.delete(store, cont, oid);
  }

  /**
   * Deletes every DTX record of this container, synchronously, on the target's thread (with {@link #deleteObject}
   * of every object: what a discard leaves is an empty container, so no stale DTX can later be resolved here and
   * its abort discard what a rebuild wrote back at the same epoch). Returns how many there were.
   */
  public int deleteDtxRecords() {
    return ObjectShards.deleteDtxRecords(store, cont);
  }

  /**
   * vos_aggregate, one slice: from {@code from} (null: the container's start), removes the versions and entities no
   * read point sees (read points: {@code snapshots} below {@code bound}, and {@code bound}; nothing above
   * {@code bound} is touched) and frees their space, looking at about {@code budget} records; committed when it
   * returns, after the queued writes.
   */
  public Aggregation.Slice aggregate(long bound, long[] snapshots, Aggregation.Anchor from, long budget) {
    return aggregate(bound, snapshots, from, budget, Aggregation.Uncertain.NONE);
  }

  /**
   * {@link #aggregate(long, long[], Aggregation.Anchor, long)} leaving alone what undecided DTXs wrote: versions at
   * the {@code uncertain} epochs of an object are kept and hide nothing.
   */
  public Aggregation.Slice aggregate(long bound, long[] snapshots, Aggregation.Anchor from, long budget,
      Aggregation.Uncertain uncertain) {
    writeEpoch(bound);
    store.pending.commit();
    Aggregation.Stats stats = new Aggregation.Stats();
    Aggregation.Anchor next = null;
    try (Txn<ByteBuffer> txn = store.write()) {
      Tx tx = new Tx(store, txn, cont);
      try {
        AggregateOp op = new AggregateOp(tx, bound, snapshots, stats);
        byte[] prefix = Keys.head(cont, Keys.OBJ);
        byte[] at = from == null ? prefix : from.objKey();
        byte[] dkeyAt = from == null ? null : from.dkeyKey();
        while (next == null) {
          io.daos.engine.vos.lmdb.Cur c = tx.seek(at);
          if (c == null || !io.daos.engine.vos.lmdb.Bytes.startsWith(c.key(), prefix)) {
            break;
          }
          byte[] objKey = c.key();
          long objId = io.daos.engine.vos.lmdb.Bytes.getLong(c.val(), 0);
          if (stats.examined >= budget) {
            next = new Aggregation.Anchor(objKey, null);
            break;
          }
          long[] unc = uncertain.epochs(io.daos.engine.vos.tree.VosObjectId.fromBytes(objKey, prefix.length));
          byte[] resume = op.object(objKey, objId, dkeyAt, budget, unc);
          dkeyAt = null;
          if (resume != null) {
            next = new Aggregation.Anchor(objKey, resume);
          }
          at = AggregateOp.successor(objKey);
        }
      } finally {
        tx.release();
      }
      store.commitAggregation(txn);
    } catch (RuntimeException e) {
      throw Errors.toDaos(e);
    }
    return new Aggregation.Slice(stats, next);
  }

  /** Objects visible at {@code epoch}, at most {@code max} per call. */
  public EnumPage<VosObjectId> listObjects(long epoch, Anchor anchor, int max) {
    checkMax(max);
    return read(tx -> new Lister(tx, readEpoch(epoch)).objects(anchor, max));
  }

  /** Dkeys visible at {@code epoch}, at most {@code max} per call (see {@link #listDkeys(long, VosObjectId, Anchor, int, int)}). */
  public EnumPage<byte[]> listDkeys(long epoch, VosObjectId oid, Anchor anchor, int max) {
    return listDkeys(epoch, oid, anchor, max, Integer.MAX_VALUE);
  }

  /**
   * Dkeys visible at {@code epoch}, whole, at most {@code max} per call and no more than {@code maxBytes} of keys
   * (but at least one key): a reply of 1 MiB keys must still fit a frame.
   */
  public EnumPage<byte[]> listDkeys(long epoch, VosObjectId oid, Anchor anchor, int max, int maxBytes) {
    checkMax(max);
    return read(tx -> new Lister(tx, readEpoch(epoch)).dkeys(oid, anchor, max, maxBytes));
  }

  public EnumPage<byte[]> listAkeys(long epoch, VosObjectId oid, byte[] dkey, Anchor anchor, int max) {
    return listAkeys(epoch, oid, dkey, anchor, max, Integer.MAX_VALUE);
  }

  /** Akeys of {@code dkey}, bounded like {@link #listDkeys(long, VosObjectId, Anchor, int, int)}. */
  public EnumPage<byte[]> listAkeys(long epoch, VosObjectId oid, byte[] dkey, Anchor anchor, int max, int maxBytes) {
    checkMax(max);
    byte[] d = dkey(oid, dkey);
    return read(tx -> new Lister(tx, readEpoch(epoch)).akeys(oid, d, anchor, max, maxBytes));
  }

  /** Visible extents of an array akey (newest fragment per index, holes skipped), ordered by index. */
  public EnumPage<RecxEntry> listRecx(long epoch, VosObjectId oid, byte[] dkey, byte[] akey, Anchor anchor,
      int max) {
    checkMax(max);
    byte[] d = dkey(oid, dkey);
    byte[] a = akey(oid, akey);
    return read(tx -> new Lister(tx, readEpoch(epoch)).recxs(oid, d, a, anchor, max));
  }

  /**
   * Every stored version of object shard {@code oid} with its epoch (punches, single values, array extents), whole
   * dkeys per page, a page ending once it holds {@code maxBytes} of value data: what rebuild pulls from a surviving
   * replica so that the new copy reads the same at every epoch (DAOS's {@code DAOS_OBJ_RPC_ENUMERATE} for migration).
   */
  public EnumPage<VersionRecord> history(VosObjectId oid, Anchor anchor, int maxBytes) {
    checkMax(maxBytes);
    return read(tx -> new HistoryLister(tx, oid).page(anchor, maxBytes));
  }

  /**
   * vos_obj_query_key with {@link KeyQuery} flags; {@code dkey}/{@code akey} are inputs when GET_DKEY/GET_AKEY
   * are not set (may be null otherwise).
   */
  public KeyQuery queryKey(long epoch, VosObjectId oid, int flags, byte[] dkey, byte[] akey) {
    KeyQueryOp.check(oid, flags);
    byte[] d = (flags & KeyQuery.GET_DKEY) != 0 ? null : dkey(oid, dkey);
    byte[] a = (flags & KeyQuery.GET_AKEY) != 0 || akey == null ? null : akey(oid, akey);
    if ((flags & (KeyQuery.GET_AKEY | KeyQuery.GET_RECX)) == KeyQuery.GET_RECX && a == null) {
      throw new DaosException(DaosStatus.INVAL, "DAOS_GET_RECX without DAOS_GET_AKEY needs an akey");
    }
    return read(tx -> new KeyQueryOp(tx, readEpoch(epoch), oid, flags).run(d, a));
  }

  /**
   * A DTX record written in the same LMDB transaction as the data of a modification (or alone, for a state change):
   * {@code id} is the DTX id (16-byte uuid, 8-byte hlc), {@code value} the engine's encoding of the entry.
   */
  public record DtxRecord(byte[] id, byte[] value) {
  }

  /** {@link #submitUpdate} under a DTX: the data and {@code dtx} commit in one LMDB transaction. */
  public CompletableFuture<Void> submitUpdate(long epoch, VosObjectId oid, byte[] dkey, List<Iod> iods, int flags,
      DtxRecord dtx) {
    return submitUpdate(() -> {
      byte[] d = dkey(oid, dkey);
      List<Iod> checked = IodCheck.forUpdate(iods, oid, maxKey());
      long e = writeEpoch(epoch);
      return withDtx(tx -> new UpdateOp(tx, e, oid).run(d, checked, flags), dtx);
    });
  }

  /** A punch of the object ({@code dkey} and lists null), its {@code dkeys}, or {@code akeys} under {@code dkey}, under a DTX. */
  public CompletableFuture<Void> submitPunch(long epoch, VosObjectId oid, byte[] dkey, List<byte[]> dkeys,
      List<byte[]> akeys, int flags, DtxRecord dtx) {
    return submit(() -> {
      long e = writeEpoch(epoch);
      if (akeys != null) {
        byte[] d = dkey(oid, dkey);
        List<byte[]> as = akeys.stream().map(k -> akey(oid, k)).toList();
        return withDtx(tx -> new PunchOp(tx, e, oid).akeys(d, as, flags), dtx);
      }
      if (dkeys != null) {
        List<byte[]> ds = dkeys.stream().map(k -> dkey(oid, k)).toList();
        return withDtx(tx -> new PunchOp(tx, e, oid).dkeys(ds, flags), dtx);
      }
      return withDtx(tx -> new PunchOp(tx, e, oid).object(flags), dtx);
    });
  }

  /** Writes (replaces) a DTX record alone: a state change (commit). */
  public CompletableFuture<Void> submitDtxPut(DtxRecord dtx) {
    return submit(() -> tx -> tx.put(Keys.dtx(cont, dtx.id()), dtx.value()));
  }

  /** Deletes DTX records (committed entries aggregated away). */
  public CompletableFuture<Void> submitDtxDelete(List<byte[]> ids) {
    return submit(() -> tx -> ids.forEach(id -> tx.delete(Keys.dtx(cont, id))));
  }

  /**
   * Aborts a DTX here (vos_dtx_abort + discard): removes what was written to {@code oid} at {@code epoch} and the
   * DTX's record, in one transaction.
   */
  public CompletableFuture<Void> submitDtxAbort(byte[] id, VosObjectId oid, long epoch) {
    return submitDtxAbort(id, List.of(oid), epoch);
  }

  /** {@link #submitDtxAbort(byte[], VosObjectId, long)} for a DTX that wrote several shards of an object here. */
  public CompletableFuture<Void> submitDtxAbort(byte[] id, List<VosObjectId> oids, long epoch) {
    return submit(() -> tx -> {
      oids.forEach(o -> new DiscardOp(tx, epoch).object(o));
      tx.delete(Keys.dtx(cont, id));
    });
  }

  /** Every DTX record of this container (the active and committed tables, as stored). */
  public List<DtxRecord> dtxRecords() {
    return read(tx -> {
      byte[] prefix = Keys.head(cont, Keys.DTX);
      List<DtxRecord> out = new java.util.ArrayList<>();
      try (io.daos.engine.vos.lmdb.Cur c = tx.cursor()) {
        for (boolean ok = c.seek(prefix); ok && io.daos.engine.vos.lmdb.Bytes.startsWith(c.key(), prefix);
            ok = c.next()) {
          byte[] k = c.key();
          out.add(new DtxRecord(java.util.Arrays.copyOfRange(k, prefix.length, k.length), c.val()));
        }
      }
      return out;
    });
  }

  private static Consumer<Tx> withDtx(Consumer<Tx> op, DtxRecord dtx) {
    if (dtx == null) {
      return op;
    }
    return tx -> {
      op.accept(tx);
      tx.put(Keys.dtx(tx.cont, dtx.id()), dtx.value());
    };
  }

  /** Validates now (bad input fails the future at once), then queues the write on the pool. */
  private CompletableFuture<Void> submit(Supplier<Consumer<Tx>> prepare) {
    return submit(prepare, false);
  }

  /**
   * {@link #submit} of an update: it may not take the SCM the pool keeps for punches, DTX state changes, container
   * destroys and aggregation ({@link Store#sysReserve()}, DAOS's {@code vos_space_hold}).
   */
  private CompletableFuture<Void> submitUpdate(Supplier<Consumer<Tx>> prepare) {
    return submit(prepare, true);
  }

  private CompletableFuture<Void> submit(Supplier<Consumer<Tx>> prepare, boolean update) {
    Consumer<Tx> op;
    try {
      op = prepare.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Errors.toDaos(e));
    }
    return store.pending.submit(txn -> {
      Tx tx = new Tx(store, txn, cont);
      try {
        op.accept(tx);
      } finally {
        tx.release();
      }
    }, update);
  }

  /** Commits what is queued on the pool (this write included) and returns or throws this write's outcome. */
  private void await(CompletableFuture<Void> f) {
    store.pending.commit();
    try {
      f.join();
    } catch (CompletionException e) {
      throw Errors.toDaos(e);
    }
  }

  private <T> T read(Function<Tx, T> op) {
    try (ReadTxn r = store.read()) {
      Tx tx = new Tx(store, r.txn, cont);
      try {
        return op.apply(tx);
      } finally {
        tx.release();
      }
    }
  }

  private byte[] dkey(VosObjectId oid, byte[] k) {
    return KeyForm.stored(k, oid.dkeyUint64(), oid.dkeyLexical(), "dkey", maxKey());
  }

  private byte[] akey(VosObjectId oid, byte[] k) {
    return KeyForm.stored(k, oid.akeyUint64(), oid.akeyLexical(), "akey", maxKey());
  }

  private int maxKey() {
    return KeyForm.maxInlineSize(store);
  }

  private static long readEpoch(long epoch) {
    return epoch < 0 ? Long.MAX_VALUE : epoch;
  }

  private static long writeEpoch(long epoch) {
    if (epoch <= 0 || epoch == Long.MAX_VALUE) {
      throw new DaosException(DaosStatus.INVAL, "invalid epoch " + Long.toUnsignedString(epoch)
          + " for a write; use an HLC epoch in [1, 2^63-1)");
    }
    return epoch;
  }

  private static void checkMax(int max) {
    if (max <= 0) {
      throw new DaosException(DaosStatus.INVAL, "enumeration batch size must be > 0, got " + max);
    }
  }
}
