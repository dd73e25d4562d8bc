package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.Cond;
import java.util.List;

/**
 * vos_obj_punch: logs tombstones at the epoch. Reads at or above it no longer see older data of the entity or its
 * children; reads below it still do. Punching an entity that was never written is a no-op (with
 * {@link Cond#PUNCH}: {@code -DER_NONEXIST}). Punching the last visible akey of a dkey also punches the dkey.
 */
final class PunchOp {
  private final Tx tx;
  private final long epoch;
  private final VosObjectId oid;

  PunchOp(Tx tx, long epoch, VosObjectId oid) {
    this.tx = tx;
    this.epoch = epoch;
    this.oid = oid;
  }

  void object(int flags) {
    long objId = tx.objId(oid);
    punch(flags, "object", objId);
  }

  void dkeys(List<byte[]> dkeys, int flags) {
    long objId = tx.objId(oid);
    for (byte[] dkey : dkeys) {
      punch(flags, "dkey", objId, tx.dkeyId(objId, dkey));
    }
  }

  void akeys(byte[] dkey, List<byte[]> akeys, int flags) {
    long objId = tx.objId(oid);
    long dkeyId = tx.dkeyId(objId, dkey);
    for (byte[] akey : akeys) {
      AkeyRecord rec = tx.akey(dkeyId, akey);
      punch(flags, "akey", objId, dkeyId, rec == null ? Tx.NONE : rec.id());
    }
    if (dkeyId != Tx.NONE && tx.visible(epoch, objId, dkeyId) && !anyVisibleAkey(objId, dkeyId)) {
      tx.logPunch(dkeyId, epoch);
    }
  }

  private void punch(int flags, String what, long... ids) {
    long id = ids[ids.length - 1];
    boolean exists = id != Tx.NONE && allKnown(ids) && tx.visible(epoch, ids);
    if (Cond.has(flags, Cond.PUNCH) && !exists) {
      throw new DaosException(DaosStatus.NONEXIST, what + " does not exist (DAOS_COND_PUNCH)");
    }
    if (id != Tx.NONE) {
      tx.logPunch(id, epoch);
    }
  }

  private boolean anyVisibleAkey(long objId, long dkeyId) {
    byte[] prefix = Keys.withId(tx.cont, Keys.AKEY, dkeyId);
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        if (tx.visible(epoch, objId, dkeyId, AkeyRecord.decode(c.val()).id())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean allKnown(long[] ids) {
    for (long id : ids) {
      if (id == Tx.NONE) {
        return false;
      }
    }
    return true;
  }
}
