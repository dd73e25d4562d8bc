package io.daos.engine.cont;

import io.daos.rpc.ContRpc;

/**
 * Container handle capabilities from ACL permissions and open flags, as DAOS's {@code ds_sec_cont_get_capabilities}:
 * permissions map to capabilities, the owner always may get/set the ACL and open exclusively, and the flags filter
 * (RO keeps only read capabilities; RW needs some read and some write capability or gets none).
 */
public final class ContCapas {
  public static final long RO_MASK = ContRpc.CAPA_READ_DATA | ContRpc.CAPA_GET_PROP | ContRpc.CAPA_GET_ACL;
  public static final long W_MASK = ContRpc.CAPA_WRITE_DATA | ContRpc.CAPA_SET_PROP | ContRpc.CAPA_SET_ACL
      | ContRpc.CAPA_SET_OWNER;
  /** {@code DAOS_COO_EVICT_ALL}. */
  public static final long COO_EVICT_ALL = 64;
  /** {@code CONT_OWNER_MIN_PERMS}: get-acl and set-acl. */
  static final long OWNER_MIN_PERMS = 1 << 6 | 1 << 7;
  private static final long[][] PERM_TO_CAPA = {
    {1, ContRpc.CAPA_READ_DATA}, {1 << 1, ContRpc.CAPA_WRITE_DATA}, {1 << 4, ContRpc.CAPA_GET_PROP},
    {1 << 5, ContRpc.CAPA_SET_PROP}, {1 << 6, ContRpc.CAPA_GET_ACL}, {1 << 7, ContRpc.CAPA_SET_ACL},
    {1 << 8, ContRpc.CAPA_SET_OWNER}, {1 << 3, ContRpc.CAPA_DELETE},
  };

  private ContCapas() {
  }

  /** The capabilities of {@code id} opening with {@code flags} a container with this owner and ACL. */
  public static long of(long flags, Identity id, String owner, String ownerGroup, ContAcl acl) {
    boolean isOwner = id.user().equals(owner);
    long perms = acl.permsFor(id, owner, ownerGroup) | (isOwner ? OWNER_MIN_PERMS : 0);
    long capas = 0;
    for (long[] pc : PERM_TO_CAPA) {
      if ((perms & pc[0]) != 0) {
        capas |= pc[1];
      }
    }
    if (isOwner) {
      capas |= ContRpc.CAPA_OPEN_EX | ContRpc.CAPA_EVICT_ALL;
    }
    return filter(flags, capas);
  }

  static long filter(long flags, long capas) {
    long c = capas;
    if ((flags & ContRpc.COO_RO) != 0) {
      c &= RO_MASK;
    } else if ((c & RO_MASK) == 0 || (c & W_MASK) == 0) {
      c = 0;
    }
    if ((flags & ContRpc.COO_EX) == 0) {
      c &= ~ContRpc.CAPA_OPEN_EX;
    }
    if ((flags & COO_EVICT_ALL) == 0) {
      c &= ~ContRpc.CAPA_EVICT_ALL;
    }
    return c;
  }
}
