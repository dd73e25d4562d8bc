package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.KeyIndex;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.Cond;
import java.util.List;

/** vos_obj_update: conditionals, incarnation log creates, then value versions at the epoch. */
final class UpdateOp {
  private final Tx tx;
  private final long epoch;
  private final VosObjectId oid;
  /** An akey entry was created by this op (see {@link #writeIod}). */
  private boolean inserted;

  UpdateOp(Tx tx, long epoch, VosObjectId oid) {
    this.tx = tx;
    this.epoch = epoch;
    this.oid = oid;
  }

  void run(byte[] dkey, List<Iod> iods, int flags) {
    long objId = tx.objId(oid);
    long dkeyId = tx.dkeyId(objId, dkey);
    boolean dkeyExists = dkeyId != Tx.NONE && tx.visible(epoch, objId, dkeyId);
    if (Cond.has(flags, Cond.DKEY_INSERT) && dkeyExists) {
      throw new DaosException(DaosStatus.EXIST, "dkey exists (DAOS_COND_DKEY_INSERT)");
    }
    if (Cond.has(flags, Cond.DKEY_UPDATE) && !dkeyExists) {
      throw new DaosException(DaosStatus.NONEXIST, "dkey does not exist (DAOS_COND_DKEY_UPDATE)");
    }
    KeyIndex.Entry[] recs = new KeyIndex.Entry[iods.size()];
    for (int i = 0; i < recs.length; i++) {
      Iod iod = iods.get(i);
      recs[i] = checkAkey(dkeyId, dkeyExists, objId, iod, Cond.has(flags, Cond.PER_AKEY) ? iod.flags() : flags);
    }
    objId = ensureVisible(objId != Tx.NONE ? objId : tx.ensureId(Keys.obj(tx.cont, oid)));
    dkeyId = ensureVisible(dkeyId != Tx.NONE ? dkeyId : tx.ensureDkey(objId, dkey), objId);
    for (int i = 0; i < recs.length; i++) {
      writeIod(objId, dkeyId, iods.get(i), recs[i]);
    }
  }

  /** Checks the conditionals and the akey's type and record size; returns its entry (null if it has none yet). */
  private KeyIndex.Entry checkAkey(long dkeyId, boolean dkeyExists, long objId, Iod iod, int af) {
    KeyIndex.Entry entry = tx.akeyEntry(dkeyId, iod.akey());
    AkeyRecord rec = entry == null ? null : AkeyRecord.decode(entry.value());
    boolean exists = dkeyExists && rec != null && tx.visible(epoch, objId, dkeyId, rec.id());
    if (Cond.has(af, Cond.AKEY_INSERT) && exists) {
      throw new DaosException(DaosStatus.EXIST, "akey exists (DAOS_COND_AKEY_INSERT)");
    }
    if (Cond.has(af, Cond.AKEY_UPDATE) && !exists) {
      throw new DaosException(DaosStatus.NONEXIST, "akey does not exist (DAOS_COND_AKEY_UPDATE)");
    }
    if (rec == null) {
      return null;
    }
    if (rec.type() != iod.type()) {
      throw new DaosException(DaosStatus.INVAL, "akey holds " + rec.type() + " values, not " + iod.type());
    }
    if (iod.type() == IodType.ARRAY && iod.recordSize() != 0 && rec.recordSize() != 0
        && iod.recordSize() != rec.recordSize()) {
      throw new DaosException(DaosStatus.INVAL, "record size " + iod.recordSize()
          + " differs from the akey's record size " + rec.recordSize() + "; an akey keeps one record size");
    }
    return entry;
  }

  /** Logs a create of entity {@code id} if it is not visible now; returns {@code id}. */
  private long ensureVisible(long id, long... ancestors) {
    long[] ids = append(ancestors, id);
    if (tx.punchFloor(epoch, ids) == epoch) {
      throw new DaosException(DaosStatus.NO_PERM, "update at epoch " + epoch + " conflicts with a punch at that epoch");
    }
    if (!tx.visible(epoch, ids)) {
      tx.logCreate(id, epoch);
    }
    return id;
  }

  /**
   * Writes one iod; {@code known} is the akey's entry as {@link #checkAkey} found it (null: create it). Once this op
   * has created an akey, entries found before are looked up again: an insert may move a long key's entry.
   */
  private void writeIod(long objId, long dkeyId, Iod iod, KeyIndex.Entry known) {
    KeyIndex.Entry entry = known != null && !inserted ? known : tx.akeyEntry(dkeyId, iod.akey());
    if (entry == null) {
      entry = tx.insertAkey(dkeyId, iod.akey(), new AkeyRecord(tx.store.nextId(tx.txn), iod.type(), 0, 0));
      inserted = true;
    }
    AkeyRecord rec = AkeyRecord.decode(entry.value());
    ensureVisible(rec.id(), objId, dkeyId);
    if (iod.type() == IodType.SINGLE) {
      ValueRef v = iod.recordSize() == 0 ? ValueRef.hole() : put(iod, iod.recordSize(), 0, (int) iod.dataLength());
      replace(Keys.versioned(tx.cont, Keys.SV, rec.id(), epoch), v);
    } else {
      writeExtents(entry, rec, iod);
    }
  }

  private void writeExtents(KeyIndex.Entry akeyEntry, AkeyRecord rec, Iod iod) {
    long rs = iod.recordSize();
    int off = 0;
    AkeyRecord updated = rec;
    for (Recx r : iod.recxs()) {
      int len = (int) (r.nr() * rs);
      ValueRef v = rs == 0 ? ValueRef.hole() : put(iod, rs, off, len);
      off += len;
      replace(Keys.extent(tx.cont, rec.id(), r.end(), epoch, r.idx()), v);
      updated = updated.withArray(rs == 0 ? updated.recordSize() : rs, r.nr());
    }
    if (!updated.equals(rec)) {
      tx.putAkey(akeyEntry, updated);
    }
  }

  /** Stores bytes [off, off + len) of the iod's data (its array or its bulk buffers). */
  private ValueRef put(Iod iod, long recordSize, int off, int len) {
    return iod.data() != null ? tx.store.putValue(tx.txn, recordSize, iod.data(), off, len)
        : tx.store.putValue(tx.txn, recordSize, iod.bulk(), off, len);
  }

  /** Puts a version, freeing the blob space of a version it overwrites at the same epoch. */
  private void replace(byte[] key, ValueRef v) {
    byte[] enc = v.encode();
    if (tx.putIfAbsent(key, enc)) {
      return;
    }
    byte[] prev = tx.get(key);
    if (prev != null) {
      tx.store.freeValue(tx.txn, ValueRef.decode(prev));
    }
    tx.put(key, enc);
  }

  private static long[] append(long[] a, long v) {
    long[] r = java.util.Arrays.copyOf(a, a.length + 1);
    r[a.length] = v;
    return r;
  }
}
