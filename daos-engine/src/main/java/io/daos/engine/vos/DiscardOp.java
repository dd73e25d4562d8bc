package io.daos.engine.vos;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * vos_discard for one object and one epoch (what an aborted DTX wrote there): the incarnation log records of the
 * object, its dkeys and akeys at the epoch, and the single values and array extents written at the epoch, whose
 * blob space is freed. Keys the DTX created stay as (invisible) index entries without a create record.
 */
final class DiscardOp {
  private final Tx tx;
  private final long epoch;

  DiscardOp(Tx tx, long epoch) {
    this.tx = tx;
    this.epoch = epoch;
  }

  void object(VosObjectId oid) {
    long objId = tx.objId(oid);
    if (objId == Tx.NONE) {
      return;
    }
    tx.discardLog(objId, epoch);
    for (long dkeyId : children(Keys.withId(tx.cont, Keys.DKEY, objId), false)) {
      tx.discardLog(dkeyId, epoch);
      for (long akeyId : children(Keys.withId(tx.cont, Keys.AKEY, dkeyId), true)) {
        tx.discardLog(akeyId, epoch);
        byte[] sv = Keys.versioned(tx.cont, Keys.SV, akeyId, epoch);
        byte[] v = tx.get(sv);
        if (v != null) {
          tx.store.freeValue(tx.txn, ValueRef.decode(v));
          tx.delete(sv);
        }
        discardExtents(akeyId);
      }
    }
  }

  private void discardExtents(long akeyId) {
    byte[] prefix = Keys.withId(tx.cont, Keys.EXT, akeyId);
    List<byte[]> doomed = new ArrayList<>();
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        if (Keys.extentEpoch(c.key()) == epoch) {
          doomed.add(c.key());
          tx.store.freeValue(tx.txn, ValueRef.decode(c.val()));
        }
      }
    }
    doomed.forEach(tx::delete);
  }

  /** The ids stored under {@code prefix} (dkey index: the value is the id; akey index: an {@link AkeyRecord}). */
  private List<Long> children(byte[] prefix, boolean akeys) {
    List<Long> ids = new ArrayList<>();
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        ids.add(akeys ? AkeyRecord.decode(c.val()).id() : Bytes.getLong(c.val(), 0));
      }
    }
    return ids;
  }
}
