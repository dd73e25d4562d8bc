package io.daos.common.acl;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.Collection;

/** DAOS's bound on an ACL's size: {@code DAOS_ACL_MAX_ACE_LEN}, the bytes of its entry table. */
public final class AclLimits {
  /** {@code DAOS_ACL_MAX_ACE_LEN}: 64 KiB of entries ({@code daos_acl.dal_len}). */
  public static final int MAX_ACE_LEN = 65536;

  private AclLimits() {
  }

  /** The bytes {@code aces} take in DAOS's binary ACL ({@code dal_len}). */
  public static int encodedSize(Collection<Ace> aces) {
    return aces.stream().mapToInt(Ace::encodedSize).sum();
  }

  /** DER_INVAL, saying by how much, when {@code aces} exceed {@link #MAX_ACE_LEN} ({@code daos_acl_validate}). */
  public static void check(Collection<Ace> aces) {
    int size = encodedSize(aces);
    if (size > MAX_ACE_LEN) {
      throw new DaosException(DaosStatus.INVAL, "the ACL's " + aces.size() + " entries take " + size
          + " bytes, over DAOS's limit of " + MAX_ACE_LEN + " (DAOS_ACL_MAX_ACE_LEN); remove entries or use "
          + "groups instead of many named users");
    }
  }
}
