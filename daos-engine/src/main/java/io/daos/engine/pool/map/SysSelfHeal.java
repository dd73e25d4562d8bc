package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/**
 * The system property {@code self_heal} as the engine reads it from the MS (DAOS
 * {@code ds_mgmt_get_self_heal_policy}: dRPC SRV_GET_SYS_PROPS to daos_server), as {@code DS_MGMT_SELF_HEAL_*}
 * flags. Throws a DaosException when the MS cannot be asked.
 */
@FunctionalInterface
public interface SysSelfHeal {
  long EXCLUDE = 1;
  long POOL_EXCLUDE = 1 << 1;
  long POOL_REBUILD = 1 << 2;

  long policy();

  /** The flags of a self_heal value: "none", or ';'-separated exclude, pool_exclude, pool_rebuild. */
  static long parse(String value) {
    long policy = 0;
    if (value.equals("none")) {
      return 0;
    }
    for (String p : value.split(";")) {
      switch (p) {
        case "exclude" -> policy |= EXCLUDE;
        case "pool_exclude" -> policy |= POOL_EXCLUDE;
        case "pool_rebuild" -> policy |= POOL_REBUILD;
        default -> throw new DaosException(DaosStatus.PROTO, "unknown self-heal policy '" + p + "'");
      }
    }
    return policy;
  }
}
