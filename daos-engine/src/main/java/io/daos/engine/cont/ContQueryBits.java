package io.daos.engine.cont;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.List;

/**
 * CONT_QUERY's property bits ({@code DAOS_CO_QUERY_PROP_*} in {@code src/container/rpc.h}) and DAOS's access rule
 * for them ({@code cont_query}'s permission check): the ACL needs the GET_ACL capability, owner and owner group
 * need GET_ACL or GET_PROP, every other property needs GET_PROP. Bits 0 asks for every property as jdaos's query
 * always has: the ACL is then left out for a handle without GET_ACL.
 */
final class ContQueryBits {
  static final long ACL = 1L << 11;
  static final long OWNER = 1L << 12;
  static final long OWNER_GROUP = 1L << 13;
  private static final long OWNERSHIP = OWNER | OWNER_GROUP;

  private ContQueryBits() {
  }

  /** The query bit of property {@code type}: DAOS numbers them in its own order, not the types'. */
  static long bitOf(int type) {
    int i = type - ContProps.CO_LABEL;
    if (type == ContProps.CO_ACL) {
      return ACL;
    }
    if (type == ContProps.CO_COMPRESS || type == ContProps.CO_ENCRYPT) {
      return 1L << (i - 1);
    }
    return 1L << i;
  }

  /** The properties of {@code all} that {@code bits} ask for, after checking the handle's {@code capas} may. */
  static List<Prop> select(List<Prop> all, long bits, long capas) {
    boolean getProp = (capas & ContRpc.CAPA_GET_PROP) != 0;
    boolean getAcl = (capas & ContRpc.CAPA_GET_ACL) != 0;
    if (bits == 0) {
      require(getProp, "may not read properties");
      return all.stream().filter(p -> getAcl || p.getType() != ContProps.CO_ACL).toList();
    }
    require((bits & ACL) == 0 || getAcl, "may not read the ACL (needs the 'a' permission)");
    require((bits & OWNERSHIP) == 0 || getAcl || getProp, "may not read the owner (needs 'a' or 't')");
    require((bits & ~(ACL | OWNERSHIP)) == 0 || getProp, "may not read properties (needs the 't' permission)");
    return all.stream().filter(p -> (bits & bitOf(p.getType())) != 0).toList();
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new DaosException(DaosStatus.NO_PERM, "container handle " + what);
    }
  }
}
