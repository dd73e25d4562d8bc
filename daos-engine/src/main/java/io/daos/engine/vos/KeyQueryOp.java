package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.ArrayReader;
import io.daos.engine.vos.tree.Fragment;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.KeyForm;
import io.daos.engine.vos.tree.KeyIndex;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.List;

/**
 * vos_obj_query_key: the greatest (GET_MAX) or least (GET_MIN) visible dkey, akey and/or extent. As DAOS, only
 * integer (uint64) dkeys/akeys can be queried; a dkey/akey not asked for is an input. When the max/min dkey has no
 * matching akey or extent, the next one in order is tried. Nothing found: {@code -DER_NONEXIST}.
 */
final class KeyQueryOp {
  private final Tx tx;
  private final long epoch;
  private final VosObjectId oid;
  private final int flags;

  KeyQueryOp(Tx tx, long epoch, VosObjectId oid, int flags) {
    this.tx = tx;
    this.epoch = epoch;
    this.oid = oid;
    this.flags = flags;
  }

  static void check(VosObjectId oid, int flags) {
    boolean max = (flags & KeyQuery.GET_MAX) != 0;
    if (max == ((flags & KeyQuery.GET_MIN) != 0)) {
      throw new DaosException(DaosStatus.INVAL, "query_key needs exactly one of DAOS_GET_MAX and DAOS_GET_MIN");
    }
    if ((flags & (KeyQuery.GET_DKEY | KeyQuery.GET_AKEY | KeyQuery.GET_RECX)) == 0) {
      throw new DaosException(DaosStatus.INVAL, "query_key needs DAOS_GET_DKEY, DAOS_GET_AKEY or DAOS_GET_RECX");
    }
    if ((flags & KeyQuery.GET_DKEY) != 0 && !oid.dkeyUint64()) {
      throw new DaosException(DaosStatus.INVAL, "only integer dkeys can be queried (object type " + oid.otype() + ")");
    }
    if ((flags & KeyQuery.GET_AKEY) != 0 && !oid.akeyUint64()) {
      throw new DaosException(DaosStatus.INVAL, "only integer akeys can be queried (object type " + oid.otype() + ")");
    }
  }

  KeyQuery run(byte[] dkey, byte[] akey) {
    long objId = tx.objId(oid);
    if (objId == Tx.NONE || !tx.visible(epoch, objId)) {
      throw new DaosException(DaosStatus.NONEXIST, "object " + oid + " does not exist");
    }
    if (!has(KeyQuery.GET_DKEY)) {
      KeyQuery q = inDkey(objId, dkey, akey);
      return q != null ? q : nonexist();
    }
    return walk(Keys.DKEY, objId, (stored, val) -> inDkey(objId, stored, akey));
  }

  private KeyQuery inDkey(long objId, byte[] dkey, byte[] akey) {
    long dkeyId = tx.dkeyId(objId, dkey);
    if (dkeyId == Tx.NONE || !tx.visible(epoch, objId, dkeyId)) {
      return null;
    }
    byte[] dkeyOut = has(KeyQuery.GET_DKEY) ? KeyForm.external(dkey, true) : null;
    if (!has(KeyQuery.GET_AKEY)) {
      if (!has(KeyQuery.GET_RECX)) {
        return new KeyQuery(dkeyOut, null, null);
      }
      Recx r = recx(objId, dkeyId, tx.akey(dkeyId, akey));
      return r != null ? new KeyQuery(dkeyOut, null, r) : null;
    }
    return walkOrNull(Keys.AKEY, dkeyId, (stored, val) -> {
      AkeyRecord rec = AkeyRecord.decode(val);
      if (!tx.visible(epoch, objId, dkeyId, rec.id())) {
        return null;
      }
      Recx r = recx(objId, dkeyId, rec);
      return r != null || !has(KeyQuery.GET_RECX) ? new KeyQuery(dkeyOut, KeyForm.external(stored, true), r) : null;
    });
  }

  /** The max/min visible, non-hole extent of the akey, or null (also when GET_RECX is not asked). */
  private Recx recx(long objId, long dkeyId, AkeyRecord rec) {
    if (rec == null || !tx.visible(epoch, objId, dkeyId, rec.id())) {
      return null;
    }
    if (!has(KeyQuery.GET_RECX)) {
      return null;
    }
    if (rec.type() != IodType.ARRAY) {
      return null;
    }
    long floor = tx.punchFloor(epoch, objId, dkeyId, rec.id());
    List<Fragment> frags = ArrayReader.visible(tx, rec, 0, Long.MAX_VALUE, floor, epoch).stream()
        .filter(f -> !f.ref().isHole()).toList();
    if (frags.isEmpty()) {
      return null;
    }
    Fragment f = has(KeyQuery.GET_MAX) ? frags.get(frags.size() - 1) : frags.get(0);
    return new Recx(f.start(), f.nr());
  }

  private interface Visit {
    KeyQuery apply(byte[] storedKey, byte[] val);
  }

  private KeyQuery walk(byte tag, long parentId, Visit v) {
    KeyQuery q = walkOrNull(tag, parentId, v);
    return q != null ? q : nonexist();
  }

  /**
   * Visits the {@code tag} keys (whole, stored form) of {@code parentId} from the greatest (GET_MAX) or least
   * down/up; first non-null wins.
   */
  private KeyQuery walkOrNull(byte tag, long parentId, Visit v) {
    byte[] prefix = Keys.withId(tx.cont, tag, parentId);
    boolean max = has(KeyQuery.GET_MAX);
    try (Cur c = tx.cursor()) {
      boolean ok = max ? seekLast(c, prefix) : c.seek(prefix);
      for (; ok && Bytes.startsWith(c.key(), prefix); ok = max ? c.prev() : c.next()) {
        byte[] suffix = java.util.Arrays.copyOfRange(c.key(), prefix.length, c.key().length);
        KeyQuery q = v.apply(KeyIndex.keyOf(tag, suffix, c.val()), c.val());
        if (q != null) {
          return q;
        }
      }
    }
    return null;
  }

  private static boolean seekLast(Cur c, byte[] prefix) {
    byte[] after = prefix.clone();
    int i = after.length - 1;
    while (i >= 0 && after[i] == (byte) 0xff) {
      after[i--] = 0;
    }
    after[i]++;
    return c.seek(after) ? c.prev() : c.last();
  }

  private boolean has(int bit) {
    return (flags & bit) != 0;
  }

  private static KeyQuery nonexist() {
    throw new DaosException(DaosStatus.NONEXIST, "no visible key or extent matches the query");
  }
}
