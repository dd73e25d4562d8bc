package io.daos.engine.vos;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.util.ArrayList;
import java.util.List;

/** vos_obj_fetch: newest visible single value, or the newest visible fragment per array index, at an epoch. */
final class FetchOp {
  private final Tx tx;
  private final long epoch;
  private final VosObjectId oid;

  FetchOp(Tx tx, long epoch, VosObjectId oid) {
    this.tx = tx;
    this.epoch = epoch;
    this.oid = oid;
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
    byte[] data = new byte[(int) v.recordSize()];
    tx.store.readValue(v, 0, data, 0, data.length);
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
    byte[] data = new byte[Math.toIntExact(iod.records() * rs)];
    List<Recx> maps = new ArrayList<>();
    long base = 0;
    for (int i = 0; i < perRecx.size(); i++) {
      Recx r = iod.recxs().get(i);
      for (Fragment f : perRecx.get(i)) {
        if (f.ref().isHole()) {
          continue;
        }
        int to = (int) ((base + f.start() - r.idx()) * rs);
        tx.store.readValue(f.ref(), (f.start() - f.extStart()) * rs, data, to, (int) (f.nr() * rs));
        maps.add(new Recx(f.start(), f.nr()));
      }
      base += r.nr();
    }
    return new FetchedValue(rs, data, maps);
  }
}
