package io.daos.engine.rebuild.sched;

import io.daos.engine.rebuild.RebuildOp;
import io.daos.proto.pool.PoolMap;
import java.util.UUID;

/**
 * One rebuild task of a pool ({@code struct rebuild_task}): the op, the map before the change (whose layout the
 * scan compares with) and the map that asked for it. {@code attempt} counts the retries of a failed rebuild; after a
 * failure the task runs its RB_OP_FAIL_RECLAIM before it is retried or left.
 */
final class RebuildTask {
  final UUID pool;
  final RebuildOp op;
  final PoolMap oldMap;
  /** The newest map this task covers (a merged task takes the newer map). */
  PoolMap newMap;
  int attempt;
  /** Set once the scheduler replaced this task (merged into a newer one): its completion is ignored. */
  boolean superseded;
  /** True while its rebuild (not the finish step or reclaim) runs. */
  boolean rebuilding;
  /** True while the RB_OP_FAIL_RECLAIM after its failed or stopped rebuild runs. */
  boolean failReclaiming;
  /**
   * The administrator stopped its rebuild, or asked to stop during its fail-reclaim ({@code dst_stop_admin},
   * {@code rgt_stop_admin}): no revert, no retry; pool query ends "stopped".
   */
  boolean stopAdmin;
  /** Failed runs of its fail-reclaim ({@code dst_num_op_freclaim_fail}). */
  int failReclaimFailures;

  RebuildTask(UUID pool, RebuildOp op, PoolMap oldMap, PoolMap newMap) {
    this.pool = pool;
    this.op = op;
    this.oldMap = oldMap;
    this.newMap = newMap;
  }

  @Override
  public String toString() {
    return op + " " + oldMap.getVersion() + "->" + newMap.getVersion() + (attempt > 0 ? " retry " + attempt : "");
  }
}
