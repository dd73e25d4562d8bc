package io.daos.engine.cont;

import static io.daos.engine.cont.ContProps.CO_ALLOCED_OID;
import static io.daos.engine.cont.ContProps.CO_SNAPSHOT_MAX;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.cont.Snapshot;
import io.daos.rpc.ContRpc;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * User attributes (get/list need READ_DATA, set/del WRITE_DATA, as DAOS), OID allocation (ranges from the persisted
 * {@code CO_ALLOCED_OID}) and snapshots (create/destroy need WRITE_DATA, list READ_DATA).
 */
public final class ContDataOps {
  /** {@code DAOS_ATTR_NAME_MAX}. */
  static final int ATTR_NAME_MAX = 511;
  private final ContainerService svc;

  ContDataOps(ContainerService svc) {
    this.svc = svc;
  }

  private ContHandleRecord handle(byte[] poolHdl, UUID cont, UUID hdl, long need, String what) {
    svc.poolHandle(poolHdl);
    ContHandleRecord h = svc.contHandle(hdl, cont);
    if ((h.capas() & need) == 0) {
      throw new DaosException(DaosStatus.NO_PERM, "container handle " + hdl + " may not " + what);
    }
    return h;
  }

  /** CONT_ATTR_LIST: names with their values. */
  public Map<String, byte[]> listAttrs(byte[] poolHdl, UUID cont, UUID hdl) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_READ_DATA, "read attributes").cont();
    String prefix = ContKeys.attrs(c);
    Map<String, byte[]> out = new LinkedHashMap<>();
    svc.store.rdb().scan(prefix).forEach((k, v) -> out.put(k.substring(prefix.length()), v));
    return out;
  }

  /** CONT_ATTR_GET: DER_NONEXIST when a name has no value. */
  public Map<String, byte[]> getAttrs(byte[] poolHdl, UUID cont, UUID hdl, List<String> names) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_READ_DATA, "read attributes").cont();
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String n : names) {
      byte[] v = svc.store.rdb().get(ContKeys.attr(c, checkName(n)));
      if (v == null) {
        throw new DaosException(DaosStatus.NONEXIST, "container " + c + " has no attribute \"" + n + "\"");
      }
      out.put(n, v);
    }
    return out;
  }

  public void setAttrs(byte[] poolHdl, UUID cont, UUID hdl, Map<String, byte[]> attrs) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_WRITE_DATA, "set attributes").cont();
    if (attrs.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "no attributes to set");
    }
    RdbTx tx = new RdbTx();
    attrs.forEach((n, v) -> tx.put(ContKeys.attr(c, checkName(n)), v));
    svc.touch(tx, c);
    svc.store.rdb().commit(tx);
  }

  /** CONT_ATTR_DEL: deleting a name that has no value is not an error. */
  public void delAttrs(byte[] poolHdl, UUID cont, UUID hdl, Collection<String> names) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_WRITE_DATA, "delete attributes").cont();
    RdbTx tx = new RdbTx();
    names.forEach(n -> tx.delete(ContKeys.attr(c, checkName(n))));
    svc.touch(tx, c);
    svc.store.rdb().commit(tx);
  }

  private static String checkName(String n) {
    if (n.isEmpty() || n.length() > ATTR_NAME_MAX) {
      throw new DaosException(DaosStatus.INVAL, "attribute names must have 1-" + ATTR_NAME_MAX + " characters");
    }
    return n;
  }

  /** CONT_OID_ALLOC: reserves {@code n} OIDs; returns the first. Ranges never overlap, across restarts too. */
  public long allocOids(byte[] poolHdl, UUID cont, UUID hdl, long n) {
    svc.poolHandle(poolHdl);
    UUID c = svc.contHandle(hdl, cont).cont();
    if (n <= 0) {
      throw new DaosException(DaosStatus.INVAL, "number of OIDs to allocate must be positive, got " + n);
    }
    long first = svc.store.prop(c, CO_ALLOCED_OID).getNum();
    if (Long.compareUnsigned(first + n, first) < 0) {
      throw new DaosException(DaosStatus.NOSPACE, "container " + c + " has no " + n + " OIDs left");
    }
    RdbTx tx = new RdbTx();
    ContStore.putProp(tx, c, ContPropRules.num(CO_ALLOCED_OID, first + n));
    svc.store.rdb().commit(tx);
    return first;
  }

  /** CONT_SNAP_CREATE: a snapshot at the service's HLC now; returns its epoch. */
  public long createSnapshot(byte[] poolHdl, UUID cont, UUID hdl, String name) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_WRITE_DATA, "create snapshots").cont();
    long max = svc.store.prop(c, CO_SNAPSHOT_MAX).getNum();
    if (max > 0 && svc.store.snapshots(c).size() >= max) {
      throw new DaosException(DaosStatus.NOSPACE, "container " + c + " already has its maximum of " + max
          + " snapshots; destroy some first");
    }
    svc.targets.snapshotNotify(svc.replica.poolUuid(), c);
    long epoch = svc.hlc.now();
    RdbTx tx = new RdbTx().put(ContKeys.snap(c, epoch), name == null ? "" : name);
    svc.touch(tx, c);
    svc.store.rdb().commit(tx);
    return epoch;
  }

  public List<Snapshot> listSnapshots(byte[] poolHdl, UUID cont, UUID hdl) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_READ_DATA, "list snapshots").cont();
    return svc.store.snapshots(c).entrySet().stream()
        .map(e -> Snapshot.newBuilder().setEpoch(e.getKey()).setName(e.getValue()).build()).toList();
  }

  /**
   * CONT_SNAP_DESTROY: the snapshot at {@code epoch} (DER_NONEXIST if none), or with {@code end} != 0 every snapshot
   * in [epoch, end]; returns how many went.
   */
  public int destroySnapshots(byte[] poolHdl, UUID cont, UUID hdl, long epoch, long end) {
    UUID c = handle(poolHdl, cont, hdl, ContRpc.CAPA_WRITE_DATA, "destroy snapshots").cont();
    TreeMap<Long, String> snaps = svc.store.snapshots(c);
    Collection<Long> gone;
    if (end == 0) {
      if (!snaps.containsKey(epoch)) {
        throw new DaosException(DaosStatus.NONEXIST, "container " + c + " has no snapshot at epoch " + epoch);
      }
      gone = List.of(epoch);
    } else {
      if (Long.compareUnsigned(end, epoch) < 0) {
        throw new DaosException(DaosStatus.INVAL, "snapshot range [" + epoch + ", " + end + "] is empty");
      }
      gone = snaps.subMap(epoch, true, end, true).keySet();
    }
    RdbTx tx = new RdbTx();
    gone.forEach(e -> tx.delete(ContKeys.snap(c, e)));
    svc.touch(tx, c);
    svc.store.rdb().commit(tx);
    return gone.size();
  }
}
