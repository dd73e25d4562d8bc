package io.daos.engine.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One pool's shards on this engine (DAOS {@code ds_pool_child} per target): a {@link VosPool} per target
 * under {@code <scm_mount>/<pool uuid>/vos-<tgt>} and the containers opened on each. Every per-target method
 * must be called on that target's thread (DESIGN D7); nothing here locks.
 */
public final class EnginePool {
  private final UUID uuid;
  private final Path dir;
  private final PoolTiers tiers;
  private final VosPool[] targets;
  private final List<Map<UUID, VosContainer>> containers = new ArrayList<>();
  /** The pool map as the pool service last pushed it to (or was fetched by) this engine; null before. */
  private volatile io.daos.proto.pool.PoolMap map;

  private final MapListener listener;

  EnginePool(UUID uuid, Path dir, PoolTiers tiers, List<VosPool> targets, MapListener listener) {
    this.listener = listener;
    this.uuid = uuid;
    this.dir = dir;
    this.tiers = tiers;
    this.targets = targets.toArray(new VosPool[0]);
    for (int i = 0; i < this.targets.length; i++) {
      containers.add(new HashMap<>());
    }
  }

  public UUID uuid() {
    return uuid;
  }

  public Path dir() {
    return dir;
  }

  public PoolTiers tiers() {
    return tiers;
  }

  public int targetCount() {
    return targets.length;
  }

  /** Target {@code tgt}'s VOS pool; only on that target's thread. */
  public VosPool target(int tgt) {
    if (tgt < 0 || tgt >= targets.length) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + uuid + " has no target " + tgt + " on this engine "
          + "(it has " + targets.length + ")");
    }
    return targets[tgt];
  }

  /**
   * The container {@code cont} on target {@code tgt}, created in VOS on first use (there is no container
   * service yet, so any container uuid is accepted); only on that target's thread.
   */
  public VosContainer container(int tgt, UUID cont) {
    VosPool vos = target(tgt);
    return containers.get(tgt).computeIfAbsent(cont, c -> {
      try {
        return vos.openContainer(c);
      } catch (DaosException e) {
        if (e.status() != DaosStatus.NONEXIST) {
          throw e;
        }
        return vos.createContainer(c);
      }
    });
  }

  /** The version of this engine's copy of the pool map (1, the create version, before any arrived). */
  public int mapVersion() {
    io.daos.proto.pool.PoolMap m = map;
    return m == null ? PoolTargets.POOL_MAP_VERSION : m.getVersion();
  }

  /** This engine's copy of the pool map, if it has one. */
  public java.util.Optional<io.daos.proto.pool.PoolMap> map() {
    return java.util.Optional.ofNullable(map);
  }

  /**
   * Installs {@code m} when it is newer than this engine's copy (DAOS {@code ds_pool_tgt_map_update}); returns
   * whether it did. The engine's map listeners ({@link PoolTargets#addMapListener}) hear of each installed map.
   */
  public boolean installMap(io.daos.proto.pool.PoolMap m) {
    synchronized (this) {
      if (m.getVersion() <= mapVersion() && map != null) {
        return false;
      }
      map = m;
    }
    listener.installed(uuid, m);
    return true;
  }

  /** The container {@code cont} on target {@code tgt} if VOS has it (null otherwise); only on that target's thread. */
  public VosContainer existingContainer(int tgt, UUID cont) {
    VosPool vos = target(tgt);
    VosContainer c = containers.get(tgt).get(cont);
    if (c != null) {
      return c;
    }
    try {
      c = vos.openContainer(cont);
    } catch (DaosException e) {
      if (e.status() == DaosStatus.NONEXIST) {
        return null;
      }
      throw e;
    }
    containers.get(tgt).put(cont, c);
    return c;
  }

  /**
   * Destroys container {@code cont} on target {@code tgt} (CONT_TGT_DESTROY): VOS removes its records and this
   * pool forgets the open container, so that a later {@link #existingContainer} finds nothing and {@link #container}
   * creates a new, empty one rather than writing through the destroyed one. Only on that target's thread.
   *
   * @throws DaosException DER_NONEXIST when VOS has no such container on the target
   */
  public void destroyContainer(int tgt, UUID cont) {
    VosPool vos = target(tgt);
    containers.get(tgt).remove(cont);
    vos.destroyContainer(cont);
  }

  /** A target's space limit: its share of the pool's SCM and NVMe (0 or less: no limit known). */
  public long targetSpaceLimit() {
    return targetLimit(tiers().scmBytes() + tiers().nvmeBytes());
  }

  /** Bytes target {@code tgt} uses as of its last commit: live LMDB pages and blob blocks handed out. */
  public long targetSpaceUsed(int tgt) {
    io.daos.engine.vos.VosPool v = target(tgt);
    return v.metaBytes() + v.blobUsed();
  }

  /** The per-target space limit of a tier: the engine's share divided evenly over its targets. */
  public long targetLimit(long tierBytes) {
    return tierBytes / targets.length;
  }

  /** Closes target {@code tgt}'s VOS pool; only on that target's thread. */
  void closeTarget(int tgt) {
    containers.get(tgt).clear();
    targets[tgt].close();
  }
}
