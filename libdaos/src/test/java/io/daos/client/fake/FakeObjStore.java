package io.daos.client.fake;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory object store of one fake engine target: object → dkey → akey → single value or array records.
 * Latest-only (no epochs); enough of VOS's visible behaviour for the client: size queries, REC2BIG, holes,
 * conditional insert/fetch, punch, ordered enumeration.
 */
public final class FakeObjStore {
  static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

  /** One akey's value: a single value, or array records by index. */
  static final class Value {
    byte[] single;
    long recordSize;
    final TreeMap<Long, byte[]> records = new TreeMap<>();
  }

  record Oid(long hi, long lo) {
  }

  private final Map<Oid, TreeMap<byte[], TreeMap<byte[], Value>>> objects = new ConcurrentHashMap<>();

  synchronized TreeMap<byte[], TreeMap<byte[], Value>> dkeys(Oid oid, boolean create) {
    return create ? objects.computeIfAbsent(oid, k -> new TreeMap<>(BYTES)) : objects.get(oid);
  }

  /** Test view: the single value at oid/dkey/akey, or null. */
  public synchronized byte[] single(long hi, long lo, byte[] dkey, byte[] akey) {
    Value v = value(new Oid(hi, lo), dkey, akey);
    return v == null ? null : v.single;
  }

  /** Test view: number of dkeys of an object on this target. */
  public synchronized int dkeyCount(long hi, long lo) {
    TreeMap<byte[], TreeMap<byte[], Value>> d = objects.get(new Oid(hi, lo));
    return d == null ? 0 : d.size();
  }

  synchronized Value value(Oid oid, byte[] dkey, byte[] akey) {
    TreeMap<byte[], TreeMap<byte[], Value>> d = objects.get(oid);
    TreeMap<byte[], Value> a = d == null ? null : d.get(dkey);
    return a == null ? null : a.get(akey);
  }

  synchronized boolean dkeyExists(Oid oid, byte[] dkey) {
    TreeMap<byte[], TreeMap<byte[], Value>> d = objects.get(oid);
    return d != null && d.containsKey(dkey);
  }

  synchronized void punchObject(Oid oid) {
    objects.remove(oid);
  }

  synchronized void punchDkeys(Oid oid, List<byte[]> dkeys, boolean cond) {
    TreeMap<byte[], TreeMap<byte[], Value>> d = objects.get(oid);
    for (byte[] k : dkeys) {
      if ((d == null || d.remove(k) == null) && cond) {
        throw new DaosException(DaosStatus.NONEXIST, "dkey does not exist (DAOS_COND_PUNCH)");
      }
    }
  }

  synchronized void punchAkeys(Oid oid, byte[] dkey, List<byte[]> akeys) {
    TreeMap<byte[], TreeMap<byte[], Value>> d = objects.get(oid);
    TreeMap<byte[], Value> a = d == null ? null : d.get(dkey);
    if (a != null) {
      akeys.forEach(a::remove);
      if (a.isEmpty()) {
        d.remove(dkey);
      }
    }
  }
}
