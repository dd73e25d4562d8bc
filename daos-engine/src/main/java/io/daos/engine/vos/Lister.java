package io.daos.engine.vos;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * Bounded, resumable enumeration of visible objects, dkeys, akeys and extents at an epoch. Keys come back whole, in
 * index order: numeric for uint64 keys, bytewise for keys of up to 486 bytes; a longer key comes where its first 476
 * bytes put it among them, and keys sharing those bytes in the order of their hash (see {@link KeyIndex}; DAOS too
 * orders hashed keys by hash). The anchor remembers the index position of the last key returned, never more than
 * 486 bytes. A page of keys stops at {@code max} keys or before its keys pass {@code maxBytes} (it always holds one).
 */
final class Lister {
  private final Tx tx;
  private final long epoch;

  Lister(Tx tx, long epoch) {
    this.tx = tx;
    this.epoch = epoch;
  }

  EnumPage<VosObjectId> objects(Anchor anchor, int max) {
    return scan(Keys.head(tx.cont, Keys.OBJ), anchor, max, Integer.MAX_VALUE, (suffix, val) ->
        tx.visible(epoch, Bytes.getLong(val, 0)) ? VosObjectId.fromBytes(suffix, 0) : null, o -> 0);
  }

  EnumPage<byte[]> dkeys(VosObjectId oid, Anchor anchor, int max, int maxBytes) {
    long objId = tx.objId(oid);
    if (objId == Tx.NONE) {
      return new EnumPage<>(List.of(), Anchor.endOfEnum());
    }
    return scan(Keys.withId(tx.cont, Keys.DKEY, objId), anchor, max, maxBytes, (suffix, val) ->
        tx.visible(epoch, objId, Bytes.getLong(val, 0))
            ? KeyForm.external(KeyIndex.keyOf(Keys.DKEY, suffix, val), oid.dkeyUint64()) : null, k -> k.length);
  }

  EnumPage<byte[]> akeys(VosObjectId oid, byte[] dkey, Anchor anchor, int max, int maxBytes) {
    long objId = tx.objId(oid);
    long dkeyId = tx.dkeyId(objId, dkey);
    if (dkeyId == Tx.NONE) {
      return new EnumPage<>(List.of(), Anchor.endOfEnum());
    }
    return scan(Keys.withId(tx.cont, Keys.AKEY, dkeyId), anchor, max, maxBytes, (suffix, val) ->
        tx.visible(epoch, objId, dkeyId, AkeyRecord.decode(val).id())
            ? KeyForm.external(KeyIndex.keyOf(Keys.AKEY, suffix, val), oid.akeyUint64()) : null, k -> k.length);
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

  private <T> EnumPage<T> scan(byte[] prefix, Anchor anchor, int max, int maxBytes,
      BiFunction<byte[], byte[], T> visible, ToIntFunction<T> size) {
    if (anchor.eof()) {
      return new EnumPage<>(List.of(), anchor);
    }
    byte[] seek = anchor.isZero() ? prefix : Bytes.successor(Bytes.concat(prefix, anchor.position()));
    List<T> out = new ArrayList<>();
    try (Cur c = tx.cursor()) {
      byte[] last = null;
      long bytes = 0;
      for (boolean ok = c.seek(seek); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        if (out.size() == max) {
          return new EnumPage<>(out, Anchor.after(last));
        }
        byte[] suffix = Arrays.copyOfRange(c.key(), prefix.length, c.key().length);
        T item = visible.apply(suffix, c.val());
        if (item != null) {
          bytes += size.applyAsInt(item);
          if (!out.isEmpty() && bytes > maxBytes) {
            return new EnumPage<>(out, Anchor.after(last));
          }
          out.add(item);
          last = suffix;
        }
      }
    }
    return new EnumPage<>(out, Anchor.endOfEnum());
  }
}
