package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.IodType;
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
    AkeyRecord[] recs = new AkeyRecord[iods.size()];
    for (int i = 0; i < recs.length; i++) {
      Iod iod = iods.get(i);
      recs[i] = checkAkey(dkeyId, dkeyExists, objId, iod, Cond.has(flags, Cond.PER_AKEY) ? iod.flags() : flags);
    }
    objId = ensureVisible(objId != Tx.NONE ? objId : tx.ensureId(Keys.obj(tx.cont, oid)));
    dkeyId = ensureVisible(dkeyId != Tx.NONE ? dkeyId
        : tx.ensureId(Keys.child(tx.cont, Keys.DKEY, objId, dkey)), objId);
    for (int i = 0; i < recs.length; i++) {
      writeIod(objId, dkeyId, iods.get(i), recs[i]);
    }
  }

  /** Checks the conditionals and the akey's type and record size; returns its record (null if it has none yet). */
  private AkeyRecord checkAkey(long dkeyId, boolean dkeyExists, long objId, Iod iod, int af) {
    AkeyRecord rec = tx.akey(dkeyId, iod.akey());
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
    return rec;
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

  /** Writes one iod; {@code known} is the akey's record as {@link #checkAkey} found it (null: create it). */
  private void writeIod(long objId, long dkeyId, Iod iod, AkeyRecord known) {
    byte[] key = Keys.child(tx.cont, Keys.AKEY, dkeyId, iod.akey());
    AkeyRecord rec = known;
    if (rec == null) {
      byte[] old = tx.get(key);
      rec = old != null ? AkeyRecord.decode(old) : new AkeyRecord(tx.store.nextId(tx.txn), iod.type(), 0, 0);
      if (old == null) {
        tx.put(key, rec.encode());
      }
    }
    ensureVisible(rec.id(), objId, dkeyId);
    if (iod.type() == IodType.SINGLE) {
      ValueRef v = iod.recordSize() == 0 ? ValueRef.hole()
          : tx.store.putValue(tx.txn, iod.recordSize(), iod.data(), 0, iod.data().length);
      replace(Keys.versioned(tx.cont, Keys.SV, rec.id(), epoch), v);
    } else {
      writeExtents(key, rec, iod);
    }
  }

  private void writeExtents(byte[] akeyKey, AkeyRecord rec, Iod iod) {
    long rs = iod.recordSize();
    int off = 0;
    AkeyRecord updated = rec;
    for (Recx r : iod.recxs()) {
      int len = (int) (r.nr() * rs);
      ValueRef v = rs == 0 ? ValueRef.hole() : tx.store.putValue(tx.txn, rs, iod.data(), off, len);
      off += len;
      replace(Keys.extent(tx.cont, rec.id(), r.end(), epoch, r.idx()), v);
      updated = updated.withArray(rs == 0 ? updated.recordSize() : rs, r.nr());
    }
    if (!updated.equals(rec)) {
      tx.put(akeyKey, updated.encode());
    }
  }

  /** Puts a version, freeing the blob space of a version it overwrites at the same epoch. */
  private void replace(byte[] key, ValueRef v) {
    byte[] prev = tx.get(key);
    if (prev != null) {
      tx.store.freeValue(tx.txn, ValueRef.decode(prev));
    }
    tx.put(key, v.encode());
  }

  private static long[] append(long[] a, long v) {
    long[] r = java.util.Arrays.copyOf(a, a.length + 1);
    r[a.length] = v;
    return r;
  }
}
