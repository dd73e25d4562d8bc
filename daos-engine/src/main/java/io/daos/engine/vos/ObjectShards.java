package io.daos.engine.vos;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.ReadTxn;
import io.daos.engine.vos.store.Store;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.VosObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lmdbjava.Txn;

/**
 * Whole object shards of one container, whatever their epochs (DAOS {@code vos_obj_delete} and the object iteration
 * of {@code vos_discard}): listing every object shard that has any record, punched ones included, and deleting an
 * object shard with all its versions (what rebuild's reclaim and a reintegrating target's discard do).
 */
final class ObjectShards {
  private ObjectShards() {
  }

  /** Every object shard with a record in the container, punched or not, in key order. */
  static List<VosObjectId> all(Store store, byte[] cont) {
    byte[] prefix = Keys.head(cont, Keys.OBJ);
    List<VosObjectId> out = new ArrayList<>();
    try (ReadTxn r = store.read(); Cur c = store.index.openCursor(r.txn)) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        out.add(VosObjectId.fromBytes(java.util.Arrays.copyOfRange(c.key(), prefix.length, c.key().length), 0));
      }
    }
    return out;
  }

  /** Deletes object shard {@code oid} and all its versions; false when the container does not hold it. */
  static boolean delete(Store store, byte[] cont, VosObjectId oid) {
    store.pending.commit();
    try (Txn<ByteBuffer> txn = store.write()) {
      byte[] objKey = Keys.obj(cont, oid);
      byte[] objVal = store.index.get(txn, objKey);
      if (objVal == null) {
        return false;
      }
      long objId = Bytes.getLong(objVal, 0);
      try (Cur c = store.index.openCursor(txn)) {
        for (long dkeyId : children(c, Keys.withId(cont, Keys.DKEY, objId), false)) {
          for (long akeyId : children(c, Keys.withId(cont, Keys.AKEY, dkeyId), true)) {
            deleteRange(store, txn, c, Keys.withId(cont, Keys.SV, akeyId), true);
            deleteRange(store, txn, c, Keys.withId(cont, Keys.EXT, akeyId), true);
            deleteLog(store, txn, c, cont, akeyId);
          }
          deleteLog(store, txn, c, cont, dkeyId);
        }
        deleteLog(store, txn, c, cont, objId);
        if (c.seek(objKey) && java.util.Arrays.equals(c.key(), objKey)) {
          c.delete();
        }
      }
      store.commit(txn);
    }
    return true;
  }

  /** The ids of the children under {@code prefix} (dkeys of an object, akeys of a dkey), deleting their keys. */
  private static List<Long> children(Cur c, byte[] prefix, boolean akeys) {
    List<Long> ids = new ArrayList<>();
    for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
      byte[] v = c.val();
      ids.add(akeys ? AkeyRecord.decode(v).id() : Bytes.getLong(v, 0));
      c.delete();
    }
    return ids;
  }

  private static void deleteLog(Store store, Txn<ByteBuffer> txn, Cur c, byte[] cont, long id) {
    deleteRange(store, txn, c, Keys.withId(cont, (byte) 'c', id), false);
    deleteRange(store, txn, c, Keys.withId(cont, Keys.PUNCH_TAG, id), false);
  }

  /** Deletes every DTX record (active and committed) of container {@code cont}; returns how many there were. */
  static int deleteDtxRecords(Store store, byte[] cont) {
    store.pending.commit();
    int n = 0;
    try (Txn<ByteBuffer> txn = store.write()) {
      byte[] prefix = Keys.head(cont, Keys.DTX);
      try (Cur c = store.index.openCursor(txn)) {
        for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
          c.delete();
          n++;
        }
      }
      store.commit(txn);
    }
    return n;
  }

  private static void deleteRange(Store store, Txn<ByteBuffer> txn, Cur c, byte[] prefix, boolean values) {
    for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
      if (values) {
        store.freeValue(txn, ValueRef.decode(c.val()));
      }
      c.delete();
    }
  }
}
