package io.daos.engine.rebuild.sched;

import io.daos.engine.rebuild.RebuildOp;
import io.daos.proto.pool.PoolMap;
import java.util.UUID;

/**
 * One rebuild task of a pool ({@code struct rebuild_task}): the op, the map before the change (whose layout the
 * scan compares with) and the map that asked for it. {@code attempt} counts the retries of a failed rebuild.
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
