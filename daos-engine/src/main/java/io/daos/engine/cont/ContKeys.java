package io.daos.engine.cont;

import java.util.UUID;

/**
 * The container service's keys in the pool service's Rdb, all under {@code "cont/"}:
 * <pre>
 * cont/uuid/&lt;cont&gt;/meta              ContMeta (md open/modify HLC times)
 * cont/uuid/&lt;cont&gt;/prop/&lt;type hex&gt;   a jdaos.pool.Prop (DAOS_PROP_CO_* type, 4 hex digits)
 * cont/uuid/&lt;cont&gt;/attr/&lt;name&gt;       user attribute value
 * cont/uuid/&lt;cont&gt;/snap/&lt;epoch hex&gt;  snapshot name (epoch as 16 hex digits, so keys sort by epoch)
 * cont/uuid/&lt;cont&gt;/hdl/&lt;handle&gt;     empty: the container's open handles
 * cont/hdl/&lt;handle&gt;                  ContHandleRecord: container, pool handle, flags, capabilities
 * cont/label/&lt;label&gt;                 the container UUID (labels are unique in a pool)
 * </pre>
 */
final class ContKeys {
  static final String ROOT = "cont/";
  static final String CONTS = ROOT + "uuid/";
  static final String HANDLES = ROOT + "hdl/";
  static final String LABELS = ROOT + "label/";
  static final String META = "/meta";

  private ContKeys() {
  }

  static String cont(UUID c) {
    return CONTS + c + "/";
  }

  static String meta(UUID c) {
    return CONTS + c + META;
  }

  static String prop(UUID c, int type) {
    return cont(c) + "prop/" + String.format("%04x", type);
  }

  static String props(UUID c) {
    return cont(c) + "prop/";
  }

  static String attrs(UUID c) {
    return cont(c) + "attr/";
  }

  static String attr(UUID c, String name) {
    return attrs(c) + name;
  }

  static String snaps(UUID c) {
    return cont(c) + "snap/";
  }

  static String snap(UUID c, long epoch) {
    return snaps(c) + String.format("%016x", epoch);
  }

  static long snapEpoch(String key) {
    return Long.parseUnsignedLong(key.substring(key.lastIndexOf('/') + 1), 16);
  }

  static String contHandles(UUID c) {
    return cont(c) + "hdl/";
  }

  static String contHandle(UUID c, UUID h) {
    return contHandles(c) + h;
  }

  static String handle(UUID h) {
    return HANDLES + h;
  }

  static String label(String l) {
    return LABELS + l;
  }

  /** The last path element of {@code key} as a UUID. */
  static UUID tailUuid(String key) {
    return UUID.fromString(key.substring(key.lastIndexOf('/') + 1));
  }
}
