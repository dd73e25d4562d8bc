package io.daos.engine.pool;

import java.util.UUID;

/** Told of each pool map an engine installs ({@link PoolTargets#addMapListener}). */
@FunctionalInterface
public interface MapListener {
  /** This engine now holds {@code map} (newer than its previous copy) for {@code pool}. */
  void installed(UUID pool, io.daos.proto.pool.PoolMap map);
}
