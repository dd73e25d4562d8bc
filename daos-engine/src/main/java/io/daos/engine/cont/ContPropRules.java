package io.daos.engine.cont;

import static io.daos.engine.cont.ContProps.*;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.ServiceReplica;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Container properties: DAOS's defaults for a new container ({@code cont_prop_default} + the inheritance of
 * {@code cont_create_prop_prepare}), input validation ({@code daos_prop_valid}) and the rules of prop set
 * (properties fixed at creation, and which capability each needs).
 */
final class ContPropRules {
  /** Props a client may not change once the container exists: DER_NO_PERM (dc_cont_set_prop, cont_prop_write). */
  private static final Set<Integer> CREATE_ONLY = Set.of(CO_ALLOCED_OID, CO_EC_CELL_SZ, CO_EC_PDA, CO_RP_PDA,
      CO_PERF_DOMAIN);
  /** Props nobody sets: DER_INVAL. */
  private static final Set<Integer> NEVER_SET = Set.of(CO_GLOBAL_VERSION, CO_OBJ_VERSION);
  private static final Set<Integer> STRINGS = Set.of(CO_LABEL, CO_OWNER, CO_OWNER_GROUP);
  private static final Set<Integer> RAWS = Set.of(CO_ACL, CO_ROOTS);

  private ContPropRules() {
  }

  static Prop num(int type, long v) {
    return Prop.newBuilder().setType(type).setNum(v).build();
  }

  static Prop str(int type, String v) {
    return Prop.newBuilder().setType(type).setStr(v).build();
  }

  static Prop raw(int type, byte[] v) {
    return Prop.newBuilder().setType(type).setRaw(ByteString.copyFrom(v)).build();
  }

  /** The properties of a new container: DAOS's defaults, overridden by {@code in}, then inherited from the pool. */
  static TreeMap<Integer, Prop> forCreate(List<Prop> in, ServiceReplica pool, Identity owner) {
    TreeMap<Integer, Prop> m = defaults(owner, pool.mapVersion());
    Map<Integer, Prop> given = validate(in);
    if (given.containsKey(CO_GLOBAL_VERSION)) {
      throw new DaosException(DaosStatus.INVAL, "the container global version cannot be set");
    }
    if (given.containsKey(CO_LABEL) && given.get(CO_LABEL).getStr().equals(LABEL_DEFAULT)) {
      throw new DaosException(DaosStatus.INVAL, "the label \"" + LABEL_DEFAULT + "\" is reserved; choose another");
    }
    m.putAll(given);
    if (!given.containsKey(CO_REDUN_FAC)) {
      m.put(CO_REDUN_FAC, num(CO_REDUN_FAC, poolNum(pool, PO_REDUN_FAC, 0)));
    }
    inheritIfZero(m, CO_EC_CELL_SZ, poolNum(pool, PO_EC_CELL_SZ, EC_CELL_DEF));
    inheritIfZero(m, CO_EC_PDA, poolNum(pool, PO_EC_PDA, EC_PDA_DEF));
    inheritIfZero(m, CO_RP_PDA, poolNum(pool, PO_RP_PDA, RP_PDA_DEF));
    inheritIfZero(m, CO_PERF_DOMAIN, poolNum(pool, PO_PERF_DOMAIN, PERF_DOMAIN_ROOT));
    inheritIfZero(m, CO_OBJ_VERSION, OBJ_VERSION_1);
    m.put(CO_GLOBAL_VERSION, num(CO_GLOBAL_VERSION, poolNum(pool, PO_GLOBAL_VERSION, POOL_GLOBAL_VERSION)));
    m.put(CO_STATUS, num(CO_STATUS, statusValue(0, 0, pool.mapVersion())));
    return m;
  }

  private static TreeMap<Integer, Prop> defaults(Identity owner, int mapVersion) {
    TreeMap<Integer, Prop> m = new TreeMap<>();
    for (Prop p : List.of(str(CO_LABEL, LABEL_DEFAULT), num(CO_LAYOUT_TYPE, 0), num(CO_LAYOUT_VER, 1),
        num(CO_CSUM, 0), num(CO_CSUM_CHUNK_SIZE, 32 << 10), num(CO_CSUM_SERVER_VERIFY, 0), num(CO_REDUN_FAC, 0),
        num(CO_REDUN_LVL, REDUN_LVL_NODE), num(CO_SNAPSHOT_MAX, 0), raw(CO_ACL, ContAcl.defaults().encode()),
        num(CO_COMPRESS, 0), num(CO_ENCRYPT, 0), str(CO_OWNER, owner.user()), str(CO_OWNER_GROUP, owner.group()),
        num(CO_DEDUP, 0), num(CO_DEDUP_THRESHOLD, 4096), raw(CO_ROOTS, new byte[64]),
        num(CO_STATUS, statusValue(0, 0, mapVersion)), num(CO_ALLOCED_OID, 0), num(CO_EC_CELL_SZ, 0),
        num(CO_EC_PDA, 0), num(CO_RP_PDA, 0), num(CO_GLOBAL_VERSION, 0), num(CO_SCRUBBER_DISABLED, 0),
        num(CO_OBJ_VERSION, 0), num(CO_PERF_DOMAIN, 0))) {
      m.put(p.getType(), p);
    }
    return m;
  }

  private static long poolNum(ServiceReplica pool, int type, long dflt) {
    return pool.poolProp(type).filter(p -> p.getValueCase() == Prop.ValueCase.NUM).map(Prop::getNum).orElse(dflt);
  }

  private static void inheritIfZero(Map<Integer, Prop> m, int type, long v) {
    if (m.get(type).getNum() == 0) {
      m.put(type, num(type, v));
    }
  }

  /** Checks a prop-set request and the capability it needs; returns the entries by type. */
  static Map<Integer, Prop> forSet(List<Prop> in, long capas) {
    for (Prop p : in) {
      if (NEVER_SET.contains(p.getType())) {
        throw new DaosException(DaosStatus.INVAL, "container property " + hex(p) + " cannot be set");
      }
      if (CREATE_ONLY.contains(p.getType())) {
        throw new DaosException(DaosStatus.NO_PERM, "container property " + hex(p)
            + " is fixed when the container is created");
      }
    }
    Map<Integer, Prop> m = validate(in);
    Prop status = m.get(CO_STATUS);
    if (status != null && (status.getNum() >>> 32 & 0xFFFF) != 0) {
      throw new DaosException(DaosStatus.INVAL, "container status can only be set to healthy");
    }
    for (int type : m.keySet()) {
      long need = type == CO_ACL ? ContRpc.CAPA_SET_ACL
          : type == CO_OWNER || type == CO_OWNER_GROUP ? ContRpc.CAPA_SET_OWNER : ContRpc.CAPA_SET_PROP;
      if ((capas & need) == 0) {
        throw new DaosException(DaosStatus.NO_PERM, "the container handle may not set property "
            + String.format("0x%x", type));
      }
    }
    return m;
  }

  /** {@code daos_prop_valid} for container input: known types, once each, values in range. */
  static Map<Integer, Prop> validate(List<Prop> in) {
    if (in.size() > 128) {
      throw new DaosException(DaosStatus.INVAL, "too many properties (" + in.size() + ", max 128)");
    }
    TreeMap<Integer, Prop> m = new TreeMap<>();
    for (Prop p : in) {
      if (!isContProp(p.getType())) {
        throw new DaosException(DaosStatus.INVAL, "property type " + hex(p) + " is not a container property");
      }
      if (m.put(p.getType(), p) != null) {
        throw new DaosException(DaosStatus.INVAL, "property " + hex(p) + " given twice");
      }
      checkKind(p);
      if (!valueValid(p)) {
        throw new DaosException(DaosStatus.INVAL, "invalid value for container property " + hex(p) + ": "
            + (p.getType() == CO_LABEL ? ContLabel.explain(p.getStr()) : p.toString().strip()));
      }
    }
    return m;
  }

  private static void checkKind(Prop p) {
    Prop.ValueCase want = STRINGS.contains(p.getType()) ? Prop.ValueCase.STR
        : RAWS.contains(p.getType()) ? Prop.ValueCase.RAW : Prop.ValueCase.NUM;
    if (p.getValueCase() != want && !(want == Prop.ValueCase.NUM && p.getValueCase() == Prop.ValueCase.VALUE_NOT_SET)) {
      throw new DaosException(DaosStatus.INVAL, "container property " + hex(p) + " takes a " + want + " value");
    }
  }

  private static boolean valueValid(Prop p) {
    long v = p.getNum();
    return switch (p.getType()) {
      case CO_LABEL -> ContLabel.isValid(p.getStr());
      case CO_OWNER, CO_OWNER_GROUP -> p.getStr().contains("@") && p.getStr().length() <= 255;
      case CO_ACL -> aclValid(p);
      case CO_LAYOUT_TYPE -> v < 10;
      case CO_CSUM -> v <= 7;
      case CO_CSUM_CHUNK_SIZE -> v < 1L << 32;
      case CO_CSUM_SERVER_VERIFY, CO_SCRUBBER_DISABLED -> v <= 1;
      case CO_DEDUP -> v <= 2;
      case CO_DEDUP_THRESHOLD -> v >= 4096 && v < 1L << 32;
      case CO_REDUN_FAC -> v <= 4;
      case CO_REDUN_LVL -> v >= 1 && v <= 254;
      case CO_COMPRESS -> v <= 6;
      case CO_ENCRYPT -> v <= 7;
      case CO_STATUS -> (v >>> 32 & 0xFFFF) <= 1;
      case CO_PERF_DOMAIN -> v == 0 || v == PERF_DOMAIN_ROOT || v == 200;
      default -> true;
    };
  }

  private static boolean aclValid(Prop p) {
    ContAcl.decode(p.getRaw().toByteArray());
    return true;
  }

  private static String hex(Prop p) {
    return String.format("0x%x", p.getType());
  }
}
