package io.daos.engine.cont;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.rdb.Rdb;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.pool.Prop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads and writes of container records in the service's Rdb (layout in {@link ContKeys}). */
final class ContStore {
  private final Rdb rdb;

  ContStore(Rdb rdb) {
    this.rdb = rdb;
  }

  Rdb rdb() {
    return rdb;
  }

  /** The container named by {@code uuid} or, when null, by {@code label}; DER_NONEXIST if there is none. */
  UUID resolve(UUID uuid, String label) {
    if (uuid != null) {
      if (rdb.get(ContKeys.meta(uuid)) == null) {
        throw new DaosException(DaosStatus.NONEXIST, "container " + uuid + " does not exist in pool " + rdb.uuid());
      }
      return uuid;
    }
    byte[] v = label == null || label.isEmpty() ? null : rdb.get(ContKeys.label(label));
    if (v == null) {
      throw new DaosException(DaosStatus.NONEXIST, "no container labelled \"" + label + "\" in pool " + rdb.uuid());
    }
    return UUID.fromString(new String(v, StandardCharsets.UTF_8));
  }

  UUID byLabel(String label) {
    byte[] v = rdb.get(ContKeys.label(label));
    return v == null ? null : UUID.fromString(new String(v, StandardCharsets.UTF_8));
  }

  boolean exists(UUID c) {
    return rdb.get(ContKeys.meta(c)) != null;
  }

  TreeMap<Integer, Prop> props(UUID c) {
    TreeMap<Integer, Prop> m = new TreeMap<>();
    for (byte[] v : rdb.scan(ContKeys.props(c)).values()) {
      Prop p = parseProp(v);
      m.put(p.getType(), p);
    }
    return m;
  }

  Prop prop(UUID c, int type) {
    byte[] v = rdb.get(ContKeys.prop(c, type));
    if (v == null) {
      throw new DaosException(DaosStatus.NONEXIST, "container " + c + " has no property " + type);
    }
    return parseProp(v);
  }

  private static Prop parseProp(byte[] v) {
    try {
      return Prop.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.IO, "corrupt container property record: " + e.getMessage(), e);
    }
  }

  static void putProp(RdbTx tx, UUID c, Prop p) {
    tx.put(ContKeys.prop(c, p.getType()), p.toByteArray());
  }

  String label(UUID c) {
    return prop(c, ContProps.CO_LABEL).getStr();
  }

  ContMeta meta(UUID c) {
    return ContMeta.decode(rdb.get(ContKeys.meta(c)));
  }

  /** The handle record, or null when no such handle is open. */
  ContHandleRecord handle(UUID h) {
    byte[] v = rdb.get(ContKeys.handle(h));
    return v == null ? null : ContHandleRecord.decode(v);
  }

  List<ContHandleRecord> handles(UUID c) {
    List<ContHandleRecord> out = new ArrayList<>();
    for (String k : rdb.scan(ContKeys.contHandles(c)).keySet()) {
      ContHandleRecord r = handle(ContKeys.tailUuid(k));
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  List<ContHandleRecord> allHandles() {
    return rdb.scan(ContKeys.HANDLES).values().stream().map(ContHandleRecord::decode).toList();
  }

  static void removeHandle(RdbTx tx, ContHandleRecord h) {
    tx.delete(ContKeys.handle(h.handle())).delete(ContKeys.contHandle(h.cont(), h.handle()));
  }

  /** Snapshots by epoch (unsigned order) with their names. */
  TreeMap<Long, String> snapshots(UUID c) {
    TreeMap<Long, String> m = new TreeMap<>(Long::compareUnsigned);
    for (Map.Entry<String, byte[]> e : rdb.scan(ContKeys.snaps(c)).entrySet()) {
      m.put(ContKeys.snapEpoch(e.getKey()), new String(e.getValue(), StandardCharsets.UTF_8));
    }
    return m;
  }

  /** Every container of the pool with its label. */
  List<UUID> containers() {
    List<UUID> out = new ArrayList<>();
    for (String k : rdb.scan(ContKeys.CONTS).keySet()) {
      if (k.endsWith(ContKeys.META)) {
        out.add(UUID.fromString(k.substring(ContKeys.CONTS.length(), k.length() - ContKeys.META.length())));
      }
    }
    return out;
  }
}
