package io.daos.engine.vos;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.ArrayReader;
import io.daos.engine.vos.tree.Fragment;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.KeyForm;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Bounded, resumable enumeration of visible objects, dkeys, akeys and extents at an epoch. Keys come back in index
 * order (numeric for uint64 keys, bytewise otherwise); the anchor remembers the last key returned.
 */
final class Lister {
  private final Tx tx;
  private final long epoch;

  Lister(Tx tx, long epoch) {
    this.tx = tx;
    this.epoch = epoch;
  }

  EnumPage<VosObjectId> objects(Anchor anchor, int max) {
    return scan(Keys.head(tx.cont, Keys.OBJ), anchor, max, (suffix, val) ->
        tx.visible(epoch, Bytes.getLong(val, 0)) ? VosObjectId.fromBytes(suffix, 0) : null);
  }

  EnumPage<byte[]> dkeys(VosObjectId oid, Anchor anchor, int max) {
    long objId = tx.objId(oid);
    if (objId == Tx.NONE) {
      return new EnumPage<>(List.of(), Anchor.endOfEnum());
    }
    return scan(Keys.withId(tx.cont, Keys.DKEY, objId), anchor, max, (suffix, val) ->
        tx.visible(epoch, objId, Bytes.getLong(val, 0)) ? KeyForm.external(suffix, oid.dkeyUint64()) : null);
  }

  EnumPage<byte[]> akeys(VosObjectId oid, byte[] dkey, Anchor anchor, int max) {
    long objId = tx.objId(oid);
    long dkeyId = tx.dkeyId(objId, dkey);
    if (dkeyId == Tx.NONE) {
      return new EnumPage<>(List.of(), Anchor.endOfEnum());
    }
    return scan(Keys.withId(tx.cont, Keys.AKEY, dkeyId), anchor, max, (suffix, val) ->
        tx.visible(epoch, objId, dkeyId, AkeyRecord.decode(val).id()) ? KeyForm.external(suffix, oid.akeyUint64())
            : null);
  }

  EnumPage<RecxEntry> recxs(VosObjectId oid, byte[] dkey, byte[] akey, Anchor anchor, int max) {
    long objId = tx.objId(oid);
    long dkeyId = tx.dkeyId(objId, dkey);
    AkeyRecord rec = tx.akey(dkeyId, akey);
    if (rec == null || rec.type() != IodType.ARRAY) {
      return new EnumPage<>(List.of(), Anchor.endOfEnum());
    }
    long from = anchor.isZero() ? 0 : Bytes.getLong(anchor.position(), 0);
    long floor = tx.punchFloor(epoch, objId, dkeyId, rec.id());
    List<RecxEntry> out = new ArrayList<>();
    for (Fragment f : ArrayReader.visible(tx, rec, from, Long.MAX_VALUE, floor, epoch)) {
      if (!f.ref().isHole()) {
        if (out.size() == max) {
          return new EnumPage<>(out, Anchor.after(Bytes.ofLong(f.start())));
        }
        out.add(new RecxEntry(new Recx(f.start(), f.nr()), f.epoch(), f.ref().recordSize()));
      }
    }
    return new EnumPage<>(out, Anchor.endOfEnum());
  }

  private <T> EnumPage<T> scan(byte[] prefix, Anchor anchor, int max, BiFunction<byte[], byte[], T> visible) {
    if (anchor.eof()) {
      return new EnumPage<>(List.of(), anchor);
    }
    byte[] seek = anchor.isZero() ? prefix : Bytes.successor(Bytes.concat(prefix, anchor.position()));
    List<T> out = new ArrayList<>();
    try (Cur c = tx.cursor()) {
      byte[] last = null;
      for (boolean ok = c.seek(seek); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        if (out.size() == max) {
          return new EnumPage<>(out, Anchor.after(last));
        }
        byte[] suffix = Arrays.copyOfRange(c.key(), prefix.length, c.key().length);
        T item = visible.apply(suffix, c.val());
        if (item != null) {
          out.add(item);
          last = suffix;
        }
      }
    }
    return new EnumPage<>(out, Anchor.endOfEnum());
  }
}
