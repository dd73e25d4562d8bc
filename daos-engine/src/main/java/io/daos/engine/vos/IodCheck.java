package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.KeyForm;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Validates iods and puts their akeys in stored form; every problem is {@code -DER_INVAL} with a reason. */
final class IodCheck {
  private IodCheck() {
  }

  static List<Iod> forUpdate(List<Iod> iods, VosObjectId oid, int maxKey) {
    List<Iod> out = normalize(iods, oid, maxKey);
    for (Iod iod : out) {
      long rs = iod.recordSize();
      long want = iod.type() == IodType.SINGLE ? rs : iod.records() * rs;
      long have = iod.dataLength();
      if (rs < 0 || have != want) {
        throw inval("akey update carries " + have + " bytes but its iod describes " + want);
      }
    }
    return out;
  }

  static List<Iod> forFetch(List<Iod> iods, VosObjectId oid, int maxKey) {
    return normalize(iods, oid, maxKey);
  }

  private static List<Iod> normalize(List<Iod> iods, VosObjectId oid, int maxKey) {
    if (iods == null || iods.isEmpty()) {
      throw inval("no iods given");
    }
    List<Iod> out = new ArrayList<>(iods.size());
    for (Iod iod : iods) {
      byte[] akey = KeyForm.stored(iod.akey(), oid.akeyUint64(), oid.akeyLexical(), "akey", maxKey);
      if (contains(out, akey)) {
        throw inval("the same akey appears twice in one request");
      }
      if (iod.type() == IodType.NONE) {
        throw inval("iod type must be DAOS_IOD_SINGLE or DAOS_IOD_ARRAY");
      }
      if (iod.type() == IodType.ARRAY) {
        checkRecxs(iod.recxs());
      }
      out.add(iod.withAkey(akey));
    }
    return out;
  }

  /** Linear scan: a request names a handful of akeys, and this allocates nothing. */
  private static boolean contains(List<Iod> iods, byte[] akey) {
    for (Iod i : iods) {
      if (Arrays.equals(i.akey(), akey)) {
        return true;
      }
    }
    return false;
  }

  private static void checkRecxs(List<Recx> recxs) {
    if (recxs.isEmpty()) {
      throw inval("an array iod needs at least one recx");
    }
    for (Recx r : recxs) {
      if (r.idx() < 0 || r.nr() <= 0 || r.idx() + r.nr() < 0) {
        throw inval("invalid recx [idx " + r.idx() + ", nr " + r.nr() + "]");
      }
    }
  }

  private static DaosException inval(String msg) {
    return new DaosException(DaosStatus.INVAL, msg);
  }
}
