package io.daos.engine.pool.svc;

import java.util.UUID;

/**
 * The pool service's keys in its {@link io.daos.engine.rdb.Rdb} (DAOS {@code srv_layout.h} names the same
 * things): {@code pool/map} (PoolMap protobuf; written last at create, so its presence means "initialised"),
 * {@code pool/prop/NN} (Prop protobuf, NN = DAOS_PROP_PO_* number, two digits), {@code pool/attr/<name>} (raw
 * value), {@code pool/hdl/<uuid>} (a {@link PoolHandleInfo}, see {@link HandleCodec}).
 */
final class PoolKeys {
  static final String MAP = "pool/map";
  static final String PROP_PREFIX = "pool/prop/";
  static final String ATTR_PREFIX = "pool/attr/";
  static final String HDL_PREFIX = "pool/hdl/";

  private PoolKeys() {
  }

  static String prop(int type) {
    return String.format("%s%02d", PROP_PREFIX, type);
  }

  static String attr(String name) {
    return ATTR_PREFIX + name;
  }

  static String handle(UUID hdl) {
    return HDL_PREFIX + hdl;
  }
}
