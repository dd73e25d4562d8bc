package io.daos.engine.pool.map;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.map.PoolMapUpdate.TargetAddr;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.placement.MapOp;
import io.daos.proto.pool.PoolMap;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's {@code pool_svc_update_map} on the pool service leader: applies one map operation in one rdb commit
 * ({@link PoolService#changeMap}), then hands the new map to the distribution ({@code onNewMap}, the push to the
 * pool's engines). An exclude whose source is SWIM (automatic) is gated first by the system property
 * {@code self_heal} ({@code pool_exclude}) and then by the pool property {@code self_heal} (AUTO_EXCLUDE); either
 * missing gives DER_NO_PERM, as in DAOS. The administrator's operations (dmg) are not gated. Run on the service's
 * thread.
 */
public final class PoolMapChanges {
  private static final Logger LOG = LoggerFactory.getLogger(PoolMapChanges.class);

  /** {@code enum map_update_source}. */
  public enum Source { DMG, SWIM }

  private final String name;
  private final SysSelfHeal sysSelfHeal;
  private final BiConsumer<PoolService, PoolMap> onNewMap;
  private final int pwRf;
  private final java.util.List<ChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Hears every committed map change after its distribution, on the service thread (the rebuild scheduling of
   * {@code pool_svc_update_map → ds_rebuild_schedule}).
   */
  public interface ChangeListener {
    void changed(PoolService svc, MapOp op, Source src, PoolMap before, PoolMap after);
  }

  /** Adds {@code l} to the listeners of committed map changes. */
  public void onChange(ChangeListener l) {
    listeners.add(l);
  }

  /** {@code onNewMap} gets every committed map change (the push to the engines). */
  public PoolMapChanges(String name, SysSelfHeal sysSelfHeal, BiConsumer<PoolService, PoolMap> onNewMap) {
    this(name, sysSelfHeal, onNewMap, PoolMapUpdate.PW_RF_DEFAULT);
  }

  PoolMapChanges(String name, SysSelfHeal sysSelfHeal, BiConsumer<PoolService, PoolMap> onNewMap, int pwRf) {
    this.name = name;
    this.sysSelfHeal = sysSelfHeal;
    this.onNewMap = onNewMap;
    this.pwRf = pwRf;
  }

  /**
   * Applies {@code op} to {@code addrs} on {@code svc} (leader, service thread). Returns the map after; its version
   * is unchanged when no target changed state (e.g. reintegrating UPIN targets, as DAOS skips them).
   */
  public PoolMap update(PoolService svc, MapOp op, List<TargetAddr> addrs, boolean force, Source src) {
    if (addrs.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "a pool map update needs at least one rank or target");
    }
    if (op == MapOp.EXCLUDE && src == Source.SWIM) {
      long sys = sysSelfHeal.policy();
      if ((sys & SysSelfHeal.POOL_EXCLUDE) == 0) {
        throw new DaosException(DaosStatus.NO_PERM, "pool " + svc.poolUuid() + ": not excluding for SWIM: "
            + "pool_exclude is not in the system property self_heal");
      }
      if ((svc.selfHeal() & PoolProps.SELF_HEAL_AUTO_EXCLUDE) == 0) {
        throw new DaosException(DaosStatus.NO_PERM, "pool " + svc.poolUuid() + ": not excluding for SWIM: "
            + "self_heal.exclude is not enabled on the pool");
      }
    }
    PoolMap beforeMap = svc.map();
    int before = beforeMap.getVersion();
    PoolMap after = svc.changeMap(m -> PoolMapUpdate.apply(m, op, addrs, force, pwRf));
    if (after.getVersion() != before) {
      LOG.info("{}: pool {} {} of {} ({}): map version {} -> {}", name, svc.poolUuid(), op, addrs, src, before,
          after.getVersion());
      onNewMap.accept(svc, after);
      notifyListeners(svc, op, src, beforeMap, after);
    }
    return after;
  }

  private void notifyListeners(PoolService svc, MapOp op, Source src, PoolMap before, PoolMap after) {
    for (ChangeListener l : listeners) {
      try {
        l.changed(svc, op, src, before, after);
      } catch (RuntimeException e) {
        LOG.error("{}: pool {}: map change listener failed", name, svc.poolUuid(), e);
      }
    }
  }

  /**
   * {@code dmg pool extend} on {@code svc} (leader, service thread; DAOS {@code pool_svc_update_map} with MAP_EXTEND
   * from dmg, no redundancy check): adds the ranks of {@code ranks} not yet in the map ({@link PoolExtension}),
   * commits the map and hands it to the distribution. Returns the map before and the extension.
   */
  public Extension extend(PoolService svc, List<Integer> ranks, List<Integer> domainTree,
      java.util.function.IntFunction<java.util.Optional<String>> uri) {
    PoolMap before = svc.map();
    PoolExtension.Extended[] ext = new PoolExtension.Extended[1];
    PoolMap after = svc.changeMap(m -> {
      ext[0] = PoolExtension.apply(m, ranks, domainTree, uri);
      return ext[0].map();
    });
    LOG.info("{}: pool {} extended with ranks {} (DMG): map version {} -> {}", name, svc.poolUuid(), ext[0].added(),
        before.getVersion(), after.getVersion());
    onNewMap.accept(svc, after);
    if (after.getVersion() != before.getVersion()) {
      notifyListeners(svc, MapOp.EXTEND, Source.DMG, before, after);
    }
    return new Extension(before, after, ext[0].added());
  }

  /** A committed extension: the maps before and after, and the ranks added. */
  public record Extension(PoolMap before, PoolMap after, List<Integer> added) {
  }
}
