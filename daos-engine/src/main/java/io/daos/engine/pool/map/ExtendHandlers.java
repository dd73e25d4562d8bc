package io.daos.engine.pool.map;

import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.pool.svc.ServiceCalls;
import io.daos.proto.pool.PoolEvalSelfHealReply;
import io.daos.proto.pool.PoolEvalSelfHealReq;
import io.daos.proto.pool.PoolExtendReply;
import io.daos.proto.pool.PoolExtendReq;
import io.daos.proto.pool.PoolMap;
import io.daos.rpc.PoolRpc;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool service's POOL_EXTEND (DAOS {@code ds_pool_extend_handler}) and POOL_EVAL_SELF_HEAL
 * ({@code ds_pool_eval_self_heal_handler}), served by the leader on the service thread (followers answer
 * DER_NOTLEADER with the hint). Extend first empties the new ranks' targets ({@link PoolDiscard}), then commits
 * the extended map ({@link PoolMapChanges#extend}), answers with its
 * version; the committed change starts the EXTEND rebuild through the map change listeners (the rebuild scheduler). Self-heal eval, with the system's self_heal bits: when
 * pool_exclude is in them and the pool's self_heal has exclude, the dead ranks are excluded again
 * ({@link SelfHeal#reevaluate}); when pool_rebuild is in them and the pool's has rebuild, a stopped rebuild starts
 * again ({@code ds_rebuild_admin_start}).
 */
public final class ExtendHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ExtendHandlers.class);

  private final String name;
  private final ServiceCalls calls;
  private final PoolMapChanges changes;
  private final IntFunction<Optional<String>> rankUri;
  private final SelfHeal selfHeal;
  private final Supplier<Set<Integer>> deadRanks;
  private final java.util.function.Consumer<PoolService> restartRebuild;

  private final PoolDiscard discard;

  /**
   * {@code deadRanks}: the ranks SWIM holds dead on this engine; {@code client} sends the discard before an
   * extension to the new ranks ({@code rankUri}), each call bounded by {@code timeout}.
   */
  public ExtendHandlers(String name, PoolServices services, PoolMapChanges changes,
      java.util.function.Consumer<PoolService> restartRebuild,
      IntFunction<Optional<String>> rankUri, SelfHeal selfHeal, Supplier<Set<Integer>> deadRanks,
      io.daos.cart.CartClient client, java.time.Duration timeout) {
    this.name = name;
    this.discard = new PoolDiscard(name, client, rankUri, timeout);
    this.calls = new ServiceCalls(services);
    this.changes = changes;
    this.restartRebuild = restartRebuild;
    this.rankUri = rankUri;
    this.selfHeal = selfHeal;
    this.deadRanks = deadRanks;
  }

  public CartServer registerOn(CartServer s) {
    s.register(PoolRpc.EXTEND, (req, reply) -> calls.serve(req, reply, PoolExtendReq::parseFrom,
        PoolExtendReq::getOp, this::extend, st -> PoolExtendReply.newBuilder().setOp(st).build()));
    s.register(PoolRpc.EVAL_SELF_HEAL, (req, reply) -> calls.serve(req, reply, PoolEvalSelfHealReq::parseFrom,
        PoolEvalSelfHealReq::getOp, this::evalSelfHeal, st -> PoolEvalSelfHealReply.newBuilder().setOp(st).build()));
    return s;
  }

  /** Discards the new ranks' targets (off the service thread), then extends the map on the service thread. */
  CompletableFuture<PoolExtendReply> extend(PoolService svc, PoolExtendReq q) {
    PoolMap map = svc.map();
    return discard.discard(svc.poolUuid(), map.getVersion(), PoolDiscard.extendTargets(map, q.getRanksList()),
        "the extension")
        .thenApplyAsync(v -> {
          changes.extend(svc, q.getRanksList(), q.getDomainsList(), rankUri);
          return PoolExtendReply.newBuilder().setOp(ServiceCalls.ok(svc)).build();
        }, svc.executor());
  }

  CompletableFuture<PoolEvalSelfHealReply> evalSelfHeal(PoolService svc, PoolEvalSelfHealReq q) {
    long sys = q.getSysSelfHeal();
    long pool = svc.selfHeal();
    if ((sys & SysSelfHeal.POOL_EXCLUDE) != 0 && (pool & PoolProps.SELF_HEAL_AUTO_EXCLUDE) != 0) {
      Set<Integer> dead = deadRanks.get();
      LOG.info("{}: pool {}: evaluate pool_exclude (dead ranks {})", name, svc.poolUuid(), dead);
      selfHeal.reevaluate(svc, dead);
    }
    if ((sys & SysSelfHeal.POOL_REBUILD) != 0 && (pool & PoolProps.SELF_HEAL_AUTO_REBUILD) != 0) {
      LOG.info("{}: pool {}: evaluate pool_rebuild", name, svc.poolUuid());
      try {
        restartRebuild.accept(svc);
      } catch (DaosException e) {
        if (e.status() != DaosStatus.NONEXIST && e.status() != DaosStatus.BUSY) {
          throw e;
        }
      }
    }
    return CompletableFuture.completedFuture(PoolEvalSelfHealReply.newBuilder().setOp(ServiceCalls.ok(svc))
        .build());
  }
}
