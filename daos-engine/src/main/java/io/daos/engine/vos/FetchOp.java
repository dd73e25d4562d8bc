package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.blob.BlobView;
import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.ArrayReader;
import io.daos.engine.vos.tree.Fragment;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.placement.Cond;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** vos_obj_fetch: newest visible single value, or the newest visible fragment per array index, at an epoch. */
final class FetchOp {
  private final Tx tx;
  private final long epoch;
  private final VosObjectId oid;
  /** Gives a buffer for a value of that many bytes, or null to use a heap array; null: always heap arrays. */
  private final IntFunction<ByteBuffer> buffers;

  FetchOp(Tx tx, long epoch, VosObjectId oid) {
    this(tx, epoch, oid, null);
  }

  FetchOp(Tx tx, long epoch, VosObjectId oid, IntFunction<ByteBuffer> buffers) {
    this.tx = tx;
    this.epoch = epoch;
    this.oid = oid;
    this.buffers = buffers;
  }

  /**
   * {@code len} bytes at {@code from} of blob value {@code ref} as a view of the blob, adopted by the caller's
   * {@link ViewSink}; null where the caller takes no view of that size or the store has none (copy instead).
   */
  private ByteBuffer view(ValueRef ref, long from, int len) {
    if (!(buffers instanceof ViewSink sink) || !sink.viewable(len)) {
      return null;
    }
    BlobView v = tx.store.view(ref, from, len);
    return v == null ? null : sink.adopt(v);
  }

  /** A caller's buffer for {@code len} bytes, or null for a heap array. */
  private ByteBuffer buffer(int len) {
    return buffers == null ? null : buffers.apply(len);
  }

  List<FetchedValue> run(byte[] dkey, List<Iod> iods, int flags) {
    long objId = tx.objId(oid);
    long dkeyId = tx.dkeyId(objId, dkey);
    boolean dkeyExists = dkeyId != Tx.NONE && tx.visible(epoch, objId, dkeyId);
    if (Cond.has(flags, Cond.DKEY_FETCH) && !dkeyExists) {
      throw new DaosException(DaosStatus.NONEXIST, "dkey does not exist (DAOS_COND_DKEY_FETCH)");
    }
    List<FetchedValue> out = new ArrayList<>(iods.size());
    for (Iod iod : iods) {
      int af = Cond.has(flags, Cond.PER_AKEY) ? iod.flags() : flags;
      out.add(fetchIod(objId, dkeyExists ? dkeyId : Tx.NONE, iod, af));
    }
    return out;
  }

  private FetchedValue fetchIod(long objId, long dkeyId, Iod iod, int af) {
    AkeyRecord rec = tx.akey(dkeyId, iod.akey());
    boolean exists = rec != null && tx.visible(epoch, objId, dkeyId, rec.id());
    if (Cond.has(af, Cond.AKEY_FETCH) && !exists) {
      throw new DaosException(DaosStatus.NONEXIST, "akey does not exist (DAOS_COND_AKEY_FETCH)");
    }
    if (rec == null) {
      return FetchedValue.absent();
    }
    if (rec.type() != iod.type()) {
      throw new DaosException(DaosStatus.INVAL, "akey holds " + rec.type() + " values, not " + iod.type());
    }
    long floor = tx.punchFloor(epoch, objId, dkeyId, rec.id());
    return iod.type() == IodType.SINGLE ? single(rec, floor, iod) : array(rec, floor, iod);
  }

  private FetchedValue single(AkeyRecord rec, long floor, Iod iod) {
    byte[] prefix = Keys.withId(tx.cont, Keys.SV, rec.id());
    Cur c = tx.seek(Keys.versioned(tx.cont, Keys.SV, rec.id(), epoch));
    if (c == null || !Bytes.startsWith(c.key(), prefix) || Keys.versionEpoch(c.key()) <= floor) {
      return FetchedValue.absent();
    }
    ValueRef v = ValueRef.decode(c.val());
    if (v.isHole()) {
      return FetchedValue.absent();
    }
    if (iod.recordSize() != 0 && iod.recordSize() < v.recordSize()) {
      throw new DaosException(DaosStatus.REC2BIG, "value is " + v.recordSize() + " bytes, buffer "
          + iod.recordSize() + "; fetch with a larger buffer or size 0 (DAOS_REC_ANY) first");
    }
    int len = (int) v.recordSize();
    ByteBuffer view = view(v, 0, len);
    if (view != null) {
      return FetchedValue.inBuffer(v.recordSize(), view, List.of(new Recx(0, 1)));
    }
    ByteBuffer buf = buffer(len);
    if (buf != null) {
      tx.store.readValue(v, 0, buf, 0, len);
      return FetchedValue.inBuffer(v.recordSize(), buf, List.of(new Recx(0, 1)));
    }
    byte[] data = new byte[len];
    tx.store.readValue(v, 0, data, 0, len);
    return new FetchedValue(v.recordSize(), data, List.of(new Recx(0, 1)));
  }

  private FetchedValue array(AkeyRecord rec, long floor, Iod iod) {
    List<List<Fragment>> perRecx = new ArrayList<>();
    long rs = 0;
    for (Recx r : iod.recxs()) {
      List<Fragment> frags = ArrayReader.visible(tx, rec, r.idx(), r.end(), floor, epoch);
      perRecx.add(frags);
      for (Fragment f : frags) {
        rs = f.ref().isHole() ? rs : f.ref().recordSize();
      }
    }
    if (rs != 0 && iod.recordSize() != 0 && iod.recordSize() != rs) {
      throw new DaosException(DaosStatus.INVAL, "fetch record size " + iod.recordSize()
          + " differs from the stored record size " + rs + " (mixed record sizes are not supported)");
    }
    return rs == 0 ? FetchedValue.absent() : fill(iod, perRecx, rs);
  }

  private FetchedValue fill(Iod iod, List<List<Fragment>> perRecx, long rs) {
    int len = Math.toIntExact(iod.records() * rs);
    Fragment only = whole(iod, perRecx);
    if (only != null) {
      ByteBuffer view = view(only.ref(), (only.start() - only.extStart()) * rs, len);
      if (view != null) {
        return FetchedValue.inBuffer(rs, view, List.of(new Recx(only.start(), only.nr())));
      }
    }
    ByteBuffer buf = buffer(len);
    byte[] data = buf == null ? new byte[len] : null;
    List<Recx> maps = new ArrayList<>();
    long base = 0;
    for (int i = 0; i < perRecx.size(); i++) {
      Recx r = iod.recxs().get(i);
      int filled = (int) (base * rs);
      for (Fragment f : perRecx.get(i)) {
        if (f.ref().isHole()) {
          continue;
        }
        int to = (int) ((base + f.start() - r.idx()) * rs);
        int n = (int) (f.nr() * rs);
        long from = (f.start() - f.extStart()) * rs;
        if (buf == null) {
          tx.store.readValue(f.ref(), from, data, to, n);
        } else {
          zero(buf, filled, to);
          tx.store.readValue(f.ref(), from, buf, to, n);
          filled = to + n;
        }
        maps.add(new Recx(f.start(), f.nr()));
      }
      base += r.nr();
      if (buf != null) {
        zero(buf, filled, (int) (base * rs));
      }
    }
    return buf == null ? new FetchedValue(rs, data, maps) : FetchedValue.inBuffer(rs, buf, maps);
  }

  /** The fragment that is all of the iod's one extent (no holes, no other fragment), or null. */
  private static Fragment whole(Iod iod, List<List<Fragment>> perRecx) {
    if (perRecx.size() != 1 || perRecx.get(0).size() != 1) {
      return null;
    }
    Fragment f = perRecx.get(0).get(0);
    Recx r = iod.recxs().get(0);
    return !f.ref().isHole() && f.start() == r.idx() && f.nr() == r.nr() ? f : null;
  }

  /** Holes read as zeros: a caller's buffer is not zeroed, so the gaps between fragments are. */
  private static void zero(ByteBuffer buf, int from, int to) {
    for (int at = from; at < to; at += ZEROS.length) {
      buf.put(at, ZEROS, 0, Math.min(ZEROS.length, to - at));
    }
  }

  private static final byte[] ZEROS = new byte[8192];
}
