package io.daos.client.obj;

import io.daos.common.status.DaosStatus;
import java.util.Set;

/**
 * The bounds of DAOS's {@code obj_retry} in libdaos: which errors make the client refresh its pool map and try the
 * operation again on the new layout, and how often. DAOS retries such errors until the map changes; jdaos stops
 * after {@link #MAX_SAME_MAP} refreshes that found the same map (backing off 20 ms doubling to 1 s between them,
 * about 8 s in all, longer than SWIM needs to declare an engine dead and the pool service to exclude it), after
 * {@link #MAX_NEWER_MAP} newer maps, or after {@link #MAX_NO_MAP} refreshes in a row that got no map.
 */
public final class ObjRetry {
  /** Errors a newer pool map may cure (DAOS {@code obj_retry_error} and network errors). */
  public static final Set<DaosStatus> RETRY = Set.of(DaosStatus.STALE, DaosStatus.UNREACH, DaosStatus.TIMEDOUT,
      DaosStatus.EXCLUDED, DaosStatus.SHUTDOWN);
  /** Refreshes that found the same map before the error is returned. */
  public static final int MAX_SAME_MAP = 12;
  /**
   * Map refreshes in a row that got no map (the pool service unreachable through all of its client's retries, about
   * 8 s each with {@link io.daos.client.pool.RetryPolicy#DEFAULT}) before the error is returned: about a minute, which
   * outlasts a pool service election of several rounds (DAOS's take 7 to 14 s each) followed by the exclusion of the
   * dead engine (a 20-cycle kill -9 soak with 2 allowed failed 32 of 603,198 writes with DER_UNREACH), and stops an
   * update that cannot reach a replica of a pool whose only service replica is gone instead of retrying for
   * {@link #MAX_SAME_MAP} × 8 s.
   */
  public static final int MAX_NO_MAP = 8;
  /** Retries on newer maps before the error is returned. */
  public static final int MAX_NEWER_MAP = 16;
  private static final long BASE_MS = 20;
  private static final long CAP_MS = 1000;

  private ObjRetry() {
  }

  /** The wait after the {@code n}-th (0-based) refresh that found the same map. */
  public static long backoffMillis(int n) {
    return Math.min(CAP_MS, BASE_MS << Math.min(n, 10));
  }
}
