package io.daos.server.sysdb;

/**
 * Log entry operations, numbered as DAOS's raftOp (checker ops 9–12 are not used yet). MEMBER_BATCH (100) is
 * jdaos's own: several member additions/updates/removals applied as one entry (batched joins); the pool lock ops
 * (101-103) too: DAOS keeps pool locks in the leader's memory, jdaos in the replicated state ({@link PoolLock}).
 */
enum DbOp {
  ADD_MEMBER(1), UPDATE_MEMBER(2), REMOVE_MEMBER(3), ADD_POOL_SERVICE(4), UPDATE_POOL_SERVICE(5),
  REMOVE_POOL_SERVICE(6), INC_MAP_VER(7), UPDATE_SYSTEM_ATTRS(8), MEMBER_BATCH(100), TAKE_POOL_LOCK(101),
  RELEASE_POOL_LOCK(102), CLEAR_POOL_LOCKS(103);

  private final int number;

  DbOp(int number) {
    this.number = number;
  }

  int number() {
    return number;
  }

  static DbOp fromNumber(int n) {
    for (DbOp op : values()) {
      if (op.number == n) {
        return op;
      }
    }
    throw new IllegalArgumentException("unhandled MS database operation: " + n);
  }
}
