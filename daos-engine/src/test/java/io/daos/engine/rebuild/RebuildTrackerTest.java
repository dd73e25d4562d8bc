package io.daos.engine.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.Ticker;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.rebuild.RebuildReport;
import io.daos.proto.pool.RebuildStatus;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The leader's tracking of one rebuild: how engines' reports end it, and what an administrator's stop looks like. */
class RebuildTrackerTest {
  private static RebuildTracker tracker() {
    return new RebuildTracker(UUID.randomUUID(), 1L, 3, 1, Rebuilds.RB_OP_REBUILD, RebuildOp.EXCLUDE,
        PoolMap.getDefaultInstance(), PoolMap.getDefaultInstance(), Set.of(0, 1), RebuildStatus.getDefaultInstance(),
        Ticker.SYSTEM);
  }

  private static RebuildReport report(int rank, int status, boolean done) {
    return RebuildReport.newBuilder().setRank(rank).setSeq(1).setStatus(status).setScanDone(done).setPullDone(done)
        .build();
  }

  @Test
  void doneWhenEveryEngineReportsScanAndPullDone() {
    RebuildTracker t = tracker();
    assertFalse(t.report(report(0, 0, true)));
    assertTrue(t.report(report(1, 0, true)));
    assertTrue(t.succeeded());
    assertFalse(Rebuilds.stoppedByAdministrator(t.status()));
  }

  @Test
  void administratorsStopIsStoppedNotFailed() {
    RebuildTracker t = tracker();
    assertTrue(t.stop());
    RebuildStatus st = t.status();
    assertEquals(Math.abs(DaosStatus.OP_CANCELED.code()), Math.abs(st.getErrno()));
    assertTrue(Rebuilds.stoppedByAdministrator(st), st.toString());
  }

  /**
   * An engine reporting DER_OP_CANCELED (its part was aborted under it) fails the rebuild, to be retried; it is not
   * the administrator's stop, which would leave the targets waiting for {@code dmg pool rebuild start}.
   */
  @Test
  void enginesCanceledIsAFailureNotAStop() {
    RebuildTracker t = tracker();
    assertTrue(t.report(report(1, DaosStatus.OP_CANCELED.code(), false)));
    RebuildStatus st = t.status();
    assertEquals(Math.abs(DaosStatus.OP_CANCELED.code()), Math.abs(st.getErrno()));
    assertEquals(1, st.getFailRank());
    assertFalse(Rebuilds.stoppedByAdministrator(st), st.toString());
  }
}
