package io.daos.client.pool;

import io.daos.proto.pool.RebuildStatus;

/**
 * DAOS's {@code daos_rebuild_status} as a pool query returns it (pi_rebuild_st).
 *
 * @param version the pool map version of the rebuild this describes (rs_version; 0 = none yet)
 * @param seconds how long that rebuild ran (rs_seconds)
 * @param errno its result (rs_errno, a DER code; 0 = success)
 * @param state DRS_IN_PROGRESS 0, DRS_NOT_STARTED 1, DRS_COMPLETED 2
 * @param objects objects rebuilt (rs_obj_nr)
 * @param records records rebuilt (rs_rec_nr)
 * @param bytes bytes rebuilt (rs_size)
 * @param failRank the rank whose failure ended it, when errno != 0 (rs_fail_rank)
 */
public record RebuildState(int version, int seconds, int errno, int state, long objects, long records, long bytes,
    int failRank) {
  public static final int IN_PROGRESS = 0;
  public static final int NOT_STARTED = 1;
  public static final int COMPLETED = 2;

  public static RebuildState of(RebuildStatus s) {
    return new RebuildState(s.getVersion(), s.getSeconds(), s.getErrno(), s.getState(), s.getObjNr(), s.getRecNr(),
        s.getSize(), s.getFailRank());
  }

  /** True when the rebuild of map version {@code atLeast} or later has completed (successfully or not). */
  public boolean completedSince(int atLeast) {
    return state == COMPLETED && version >= atLeast;
  }

  /** DAOS's names: "busy", "idle", "done". */
  public String stateName() {
    return switch (state) {
      case IN_PROGRESS -> "busy";
      case COMPLETED -> "done";
      default -> "idle";
    };
  }
}
