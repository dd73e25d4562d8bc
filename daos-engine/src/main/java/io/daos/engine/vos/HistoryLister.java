package io.daos.engine.vos;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.KeyForm;
import io.daos.engine.vos.tree.KeyIndex;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every stored version of one object, dkey by dkey (the object's punches come with the first page): the punch
 * tombstones of the object, its dkeys and akeys, every single-value version and every array extent as written, each
 * with its epoch, each with its whole dkey and akey. A page holds whole dkeys and stops once {@code maxBytes} of value
 * data and keys (each dkey and akey counted once) are in it; the anchor is the index position of the last dkey
 * returned. Aggregation, when there is any, has already dropped what no epoch can see.
 */
final class HistoryLister {
  private final Tx tx;
  private final VosObjectId oid;

  HistoryLister(Tx tx, VosObjectId oid) {
    this.tx = tx;
    this.oid = oid;
  }

  EnumPage<VersionRecord> page(Anchor anchor, int maxBytes) {
    if (anchor.eof()) {
      return new EnumPage<>(List.of(), anchor);
    }
    long objId = tx.objId(oid);
    if (objId == Tx.NONE) {
      return new EnumPage<>(List.of(), Anchor.endOfEnum());
    }
    List<VersionRecord> out = new ArrayList<>();
    if (anchor.isZero()) {
      for (long e : epochs(Keys.PUNCH_TAG, objId)) {
        out.add(new VersionRecord(VersionRecord.Kind.OBJ_PUNCH, e, null, null, 0, 0, 0, null, false));
      }
    }
    byte[] prefix = Keys.withId(tx.cont, Keys.DKEY, objId);
    byte[] seek = anchor.isZero() ? prefix : Bytes.successor(Bytes.concat(prefix, anchor.position()));
    long bytes = 0;
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(seek); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        byte[] suffix = Arrays.copyOfRange(c.key(), prefix.length, c.key().length);
        long dkeyId = Bytes.getLong(c.val(), 0);
        bytes += dkey(KeyIndex.keyOf(Keys.DKEY, suffix, c.val()), dkeyId, out);
        if (bytes >= maxBytes) {
          return new EnumPage<>(out, Anchor.after(suffix));
        }
      }
    }
    return new EnumPage<>(out, Anchor.endOfEnum());
  }

  /** Adds one dkey's versions; returns their value bytes plus the bytes of the dkey and its akeys. */
  private long dkey(byte[] storedDkey, long dkeyId, List<VersionRecord> out) {
    byte[] dkey = KeyForm.external(storedDkey, oid.dkeyUint64());
    long bytes = dkey.length;
    for (long e : epochs(Keys.PUNCH_TAG, dkeyId)) {
      out.add(new VersionRecord(VersionRecord.Kind.DKEY_PUNCH, e, dkey, null, 0, 0, 0, null, false));
    }
    byte[] prefix = Keys.withId(tx.cont, Keys.AKEY, dkeyId);
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        byte[] suffix = Arrays.copyOfRange(c.key(), prefix.length, c.key().length);
        byte[] akey = KeyForm.external(KeyIndex.keyOf(Keys.AKEY, suffix, c.val()), oid.akeyUint64());
        AkeyRecord rec = AkeyRecord.decode(c.val());
        for (long e : epochs(Keys.PUNCH_TAG, rec.id())) {
          out.add(new VersionRecord(VersionRecord.Kind.AKEY_PUNCH, e, dkey, akey, 0, 0, 0, null, false));
        }
        bytes += akey.length;
        bytes += rec.type() == IodType.SINGLE ? singles(dkey, akey, rec, out) : extents(dkey, akey, rec, out);
      }
    }
    return bytes;
  }

  private long singles(byte[] dkey, byte[] akey, AkeyRecord rec, List<VersionRecord> out) {
    long bytes = 0;
    byte[] prefix = Keys.withId(tx.cont, Keys.SV, rec.id());
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        long epoch = Keys.versionEpoch(c.key());
        ValueRef v = ValueRef.decode(c.val());
        byte[] data = read(v, 0, v.isHole() ? 0 : (int) v.len());
        bytes += data.length;
        out.add(new VersionRecord(VersionRecord.Kind.SINGLE, epoch, dkey, akey, v.recordSize(), 0, 0, data,
            v.isHole()));
      }
    }
    return bytes;
  }

  private long extents(byte[] dkey, byte[] akey, AkeyRecord rec, List<VersionRecord> out) {
    long bytes = 0;
    byte[] prefix = Keys.withId(tx.cont, Keys.EXT, rec.id());
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        long end = Keys.extentEndOf(c.key());
        long epoch = Keys.extentEpochOf(c.key());
        long start = Keys.extentStartOf(c.key());
        ValueRef v = ValueRef.decode(c.val());
        long rs = v.isHole() ? 0 : v.recordSize();
        byte[] data = read(v, 0, (int) ((end - start) * rs));
        bytes += data.length;
        out.add(new VersionRecord(VersionRecord.Kind.ARRAY, epoch, dkey, akey, rs, start, end - start, data,
            v.isHole()));
      }
    }
    return bytes;
  }

  private byte[] read(ValueRef v, long off, int len) {
    byte[] data = new byte[Math.max(0, len)];
    if (len > 0) {
      tx.store.readValue(v, off, data, 0, len);
    }
    return data;
  }

  /** Epochs of entity {@code id}'s {@code tag} records, oldest first. */
  private List<Long> epochs(byte tag, long id) {
    List<Long> es = new ArrayList<>();
    byte[] prefix = Keys.withId(tx.cont, tag, id);
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        es.add(0, Keys.versionEpoch(c.key()));
      }
    }
    return es;
  }
}
