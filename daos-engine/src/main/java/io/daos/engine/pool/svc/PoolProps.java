package io.daos.engine.pool.svc;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.Prop;
import java.util.List;

/** DAOS's pool property numbers (DAOS_PROP_PO_* in daos_prop.h) and the defaults a new pool gets. */
public final class PoolProps {
  public static final int LABEL = 1;
  public static final int ACL = 2;
  public static final int SPACE_RB = 3;
  public static final int SELF_HEAL = 4;
  public static final int RECLAIM = 5;
  public static final int OWNER = 6;
  public static final int OWNER_GROUP = 7;
  public static final int SVC_LIST = 8;
  public static final int EC_CELL_SZ = 9;
  public static final int DATA_THRESH = 10;
  public static final int REDUN_FAC = 11;
  public static final int EC_PDA = 12;
  public static final int RP_PDA = 13;
  public static final int GLOBAL_VERSION = 14;
  public static final int UPGRADE_STATUS = 15;
  public static final int SCRUB_MODE = 16;
  public static final int SCRUB_FREQ = 17;
  public static final int SCRUB_THRESH = 18;
  public static final int SVC_REDUN_FAC = 19;
  public static final int OBJ_VERSION = 20;
  public static final int PERF_DOMAIN = 21;
  /** DAOS_PROP_PERF_DOMAIN_ROOT: the default performance domain (the whole pool). */
  static final long PERF_DOMAIN_ROOT = 255;
  public static final int CHECKPOINT_MODE = 22;
  public static final int CHECKPOINT_FREQ = 23;
  public static final int CHECKPOINT_THRESH = 24;
  public static final int REINT_MODE = 25;
  /** DAOS_REINT_MODE_DATA_SYNC, the default {@code reintegration}: discard the returning targets, then resync. */
  public static final long REINT_DATA_SYNC = 0;
  public static final int SVC_OPS_ENABLED = 26;
  public static final int SVC_OPS_ENTRY_AGE = 27;

  public static final String LABEL_DEFAULT = "pool_label_not_set";
  public static final long SELF_HEAL_AUTO_EXCLUDE = 1;
  public static final long SELF_HEAL_AUTO_REBUILD = 2;
  static final long RECLAIM_LAZY = 1;
  static final long REDUN_FAC_DEFAULT = 3;
  static final long REDUN_FAC_MAX = 4;
  static final long SVC_REDUN_FAC_DEFAULT = 2;
  static final long SVC_REDUN_FAC_MAX = 4;
  static final long EC_CELL_SZ_DEFAULT = 128 * 1024;
  static final long EC_CELL_SZ_MIN = 1024;
  static final long EC_CELL_SZ_MAX = 1L << 30;
  static final long PDA_MAX = 0xFFFFFFFFL;
  static final long CHECKPOINT_TIMED = 1;
  /** DAOS_POOL_GLOBAL_VERSION of the layout this service writes. */
  static final long GLOBAL_VERSION_CURRENT = 4;

  private PoolProps() {
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

  /** Every numeric default, as {@code src/pool/srv_layout.c} lists them (label, owner, ACL, svc_list aside). */
  static List<Prop> numericDefaults(long rdFac) {
    return List.of(num(SPACE_RB, 5), num(SELF_HEAL, SELF_HEAL_AUTO_EXCLUDE | SELF_HEAL_AUTO_REBUILD),
        num(RECLAIM, RECLAIM_LAZY), num(EC_CELL_SZ, EC_CELL_SZ_DEFAULT), num(DATA_THRESH, 4096),
        num(REDUN_FAC, rdFac), num(EC_PDA, 1), num(RP_PDA, PDA_MAX), num(GLOBAL_VERSION, GLOBAL_VERSION_CURRENT),
        num(UPGRADE_STATUS, 0), num(SCRUB_MODE, 0), num(SCRUB_FREQ, 604800), num(SCRUB_THRESH, 0),
        num(SVC_REDUN_FAC, SVC_REDUN_FAC_DEFAULT), num(OBJ_VERSION, 0), num(PERF_DOMAIN, PERF_DOMAIN_ROOT),
        num(CHECKPOINT_MODE, CHECKPOINT_TIMED), num(CHECKPOINT_FREQ, 5), num(CHECKPOINT_THRESH, 50),
        num(REINT_MODE, 0), num(SVC_OPS_ENABLED, 1), num(SVC_OPS_ENTRY_AGE, 300));
  }

  /** Checks a property a client sets (create or PROP_SET); DER_INVAL says which and why. */
  static void check(Prop p) {
    switch (p.getType()) {
      case LABEL -> checkLabel(p.getStr());
      case ACL -> PoolAcl.decode(p.getRaw().toByteArray());
      case SPACE_RB -> range(p, 0, 100);
      case EC_CELL_SZ -> range(p, EC_CELL_SZ_MIN, EC_CELL_SZ_MAX);
      case REDUN_FAC -> range(p, 0, REDUN_FAC_MAX);
      case SVC_REDUN_FAC -> range(p, 0, SVC_REDUN_FAC_MAX);
      case SVC_OPS_ENTRY_AGE -> range(p, 60, 600);
      case CHECKPOINT_FREQ -> range(p, 1, 1 << 20);
      case CHECKPOINT_THRESH -> range(p, 10, 75);
      case SVC_LIST, GLOBAL_VERSION, UPGRADE_STATUS, OBJ_VERSION -> throw new DaosException(DaosStatus.INVAL,
          "pool property " + p.getType() + " is managed by the pool service and cannot be set");
      default -> {
        if (p.getType() <= 0 || p.getType() > SVC_OPS_ENTRY_AGE) {
          throw new DaosException(DaosStatus.INVAL, "unknown pool property type " + p.getType());
        }
      }
    }
  }

  private static void checkLabel(String label) {
    if (label.isEmpty() || label.length() > 127 || !label.matches("[A-Za-z0-9_.:-]+")) {
      throw new DaosException(DaosStatus.INVAL, "invalid pool label \"" + label + "\": use 1-127 characters "
          + "from A-Z a-z 0-9 _ . : -");
    }
  }

  private static void range(Prop p, long min, long max) {
    if (p.getNum() < min || p.getNum() > max) {
      throw new DaosException(DaosStatus.INVAL, "pool property " + p.getType() + " value " + p.getNum()
          + " is out of range [" + min + ", " + max + "]");
    }
  }

  /** DAOS_UPGRADE_STATUS_* (daos_prop.h). */
  public static final long UPGRADE_NOT_STARTED = 0;
  public static final long UPGRADE_IN_PROGRESS = 1;
  public static final long UPGRADE_COMPLETED = 2;
  public static final long UPGRADE_FAILED = 3;

  /** The layout version this engine writes (DAOS_POOL_GLOBAL_VERSION). */
  public static long currentVersion() {
    return GLOBAL_VERSION_CURRENT;
  }

  /**
   * What {@code dmg pool upgrade} gets from the pool service (DAOS {@code ds_pool_upgrade_if_needed} for the dmg
   * command) for a pool at layout {@code version} ({@link #GLOBAL_VERSION}) whose upgrade is {@code status}
   * ({@link #UPGRADE_STATUS}). jdaos creates every pool at the layout it writes and has no older layout to convert,
   * so a pool one version behind (which DAOS would upgrade) is answered DER_NOTSUPPORTED.
   */
  public static DaosStatus upgradeCheck(long version, long status) {
    long current = currentVersion();
    if (version > current) {
      return DaosStatus.INVAL; // downgrading a pool is unsupported
    }
    if (status == UPGRADE_IN_PROGRESS) {
      return version < current ? DaosStatus.NOTSUPPORTED : DaosStatus.INPROGRESS;
    }
    if (status == UPGRADE_NOT_STARTED || status == UPGRADE_COMPLETED || status == UPGRADE_FAILED) {
      // DAOS retries a failed upgrade to the current version; at the current layout nothing is left to do
      return version < current ? DaosStatus.NOTSUPPORTED : DaosStatus.SUCCESS;
    }
    return DaosStatus.INVAL; // unknown upgrade status
  }
}
