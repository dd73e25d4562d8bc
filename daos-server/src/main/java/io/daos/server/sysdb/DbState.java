package io.daos.server.sysdb;

import com.google.gson.reflect.TypeToken;
import io.daos.server.system.Member;
import io.daos.server.system.SystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The replicated MS data (DAOS dbData): data_version, NextRank, MapVersion, members, pools and system
 * attributes. Changed only by {@link #apply}, identically on every replica; read under a shared lock.
 */
final class DbState {
  private static final java.lang.reflect.Type ATTRS = new TypeToken<Map<String, String>>() { }.getType();

  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private DbTables t = new DbTables();

  /**
   * Applies one log entry. Semantic conflicts (unknown member, duplicate rank...) are rejected without
   * changing anything; every other entry bumps data_version.
   *
   * @throws IllegalStateException if the entry cannot be decoded (the replica must stop applying)
   */
  DbReply apply(byte[] bytes) {
    DbEntry e = DbEntry.decode(bytes);
    DbOp op = e.dbOp();
    rw.writeLock().lock();
    try {
      DbReply r = op == DbOp.MEMBER_BATCH ? applyBatch(e) : applyOp(t, op, e);
      if (r.ok()) {
        t.version++;
      }
      return r;
    } catch (SystemException rejected) {
      return DbReply.rejected(rejected);
    } finally {
      rw.writeLock().unlock();
    }
  }

  /** Applies a member batch to a copy of the tables and keeps the copy only if every member entry applied. */
  private DbReply applyBatch(DbEntry e) {
    DbTables work = t.copy();
    List<Integer> added = new ArrayList<>();
    for (DbEntry sub : e.batch()) {
      DbOp op = sub.dbOp();
      if (op != DbOp.ADD_MEMBER && op != DbOp.UPDATE_MEMBER && op != DbOp.REMOVE_MEMBER) {
        throw new IllegalStateException("MS database member batch holds a " + op + " entry");
      }
      DbReply r = applyOp(work, op, sub);
      if (op == DbOp.ADD_MEMBER) {
        added.add(r.rank());
      }
    }
    t = work;
    return DbReply.ranks(added);
  }

  private static DbReply applyOp(DbTables t, DbOp op, DbEntry e) {
    switch (op) {
      case ADD_MEMBER:
        return DbReply.rank(t.addMember(e.dataAs(Member.class)));
      case UPDATE_MEMBER:
        t.updateMember(e.dataAs(Member.class));
        return DbReply.OK;
      case REMOVE_MEMBER:
        t.removeMember(e.dataAs(Member.class));
        return DbReply.OK;
      case ADD_POOL_SERVICE:
        t.addPool(e.dataAs(PoolService.class));
        return DbReply.OK;
      case UPDATE_POOL_SERVICE:
        t.updatePool(e.dataAs(PoolService.class));
        return DbReply.OK;
      case REMOVE_POOL_SERVICE:
        t.removePool(e.dataAs(PoolService.class));
        return DbReply.OK;
      case INC_MAP_VER:
        t.mapVersion++;
        return DbReply.OK;
      case TAKE_POOL_LOCK:
        t.takeLock(e.dataAs(PoolLock.class));
        return DbReply.OK;
      case RELEASE_POOL_LOCK:
        t.releaseLock(e.dataAs(PoolLock.class));
        return DbReply.OK;
      case CLEAR_POOL_LOCKS:
        t.locks.clear();
        return DbReply.OK;
      case UPDATE_SYSTEM_ATTRS:
        t.updateAttrs(DbJson.GSON.fromJson(e.data(), ATTRS));
        return DbReply.OK;
      default:
        throw new IllegalStateException("unhandled MS database operation " + op);
    }
  }

  /** Runs {@code query} on the tables under the read lock; it must not leak mutable views. */
  <T> T read(java.util.function.Function<DbTables, T> query) {
    rw.readLock().lock();
    try {
      return query.apply(t);
    } finally {
      rw.readLock().unlock();
    }
  }

  /** The whole state as snapshot bytes. */
  byte[] snapshot() {
    return read(DbSnapshot::encode);
  }

  /**
   * Replaces the whole state from snapshot bytes.
   *
   * @throws IllegalStateException for an unreadable snapshot or another schema version
   */
  void restore(byte[] bytes) {
    DbTables restored = DbSnapshot.decode(bytes);
    withWrite(() -> t = restored);
  }

  private void withWrite(Supplier<?> body) {
    rw.writeLock().lock();
    try {
      body.get();
    } finally {
      rw.writeLock().unlock();
    }
  }
}
