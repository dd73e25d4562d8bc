package io.daos.server.drpc;

import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.SystemDb;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The MS pool records daos_server answers engines' pool lookups from (dRPC 303 and 305): this server's replica of
 * the MS database, when it has one; a server that is not an MS replica asks the MS ({@link MsPoolRecords}).
 */
public interface PoolRecords {
  Optional<PoolService> byUuid(UUID uuid);

  Optional<PoolService> byLabel(String label);

  /** No records (a server without an MS replica). */
  static PoolRecords none() {
    return of(Optional::empty);
  }

  /**
   * The records of the local MS database {@code db} supplies; {@code elsewhere} answers while there is none (a
   * server that is not an MS replica, or whose replica has not started).
   */
  static PoolRecords of(Supplier<Optional<SystemDb>> db, PoolRecords elsewhere) {
    PoolRecords local = of(db);
    return new PoolRecords() {
      @Override
      public Optional<PoolService> byUuid(UUID uuid) {
        return db.get().isPresent() ? local.byUuid(uuid) : elsewhere.byUuid(uuid);
      }

      @Override
      public Optional<PoolService> byLabel(String label) {
        return db.get().isPresent() ? local.byLabel(label) : elsewhere.byLabel(label);
      }
    };
  }

  /** The records of the local MS database {@code db} supplies (empty while there is none). */
  static PoolRecords of(Supplier<Optional<SystemDb>> db) {
    return new PoolRecords() {
      @Override
      public Optional<PoolService> byUuid(UUID uuid) {
        return db.get().flatMap(d -> d.findPoolServiceByUuid(uuid));
      }

      @Override
      public Optional<PoolService> byLabel(String label) {
        return db.get().flatMap(d -> d.findPoolServiceByLabel(label));
      }
    };
  }
}
