package io.daos.engine.dtx;

import io.daos.common.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.DtxReq;
import io.daos.proto.obj.DtxState;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.rpc.DtxRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an engine settles PREPARED DTXs it cannot settle alone (DAOS {@code dtx_refresh} and {@code dtx_resync.c}):
 * a read that meets one asks its leader (DTX_REFRESH), or the other members when the leader cannot answer
 * (DTX_CHECK); after a pool map change, DTXs whose leader's target is gone are resolved the same way.
 */
final class DtxResync {
  private static final Logger LOG = LoggerFactory.getLogger(DtxResync.class);
  private final String name;
  private final DtxService dtx;
  private final DtxCalls calls;

  DtxResync(String name, DtxService dtx, DtxCalls calls) {
    this.name = name;
    this.dtx = dtx;
    this.calls = calls;
  }

  /**
   * Resolves what {@link DtxService#checkRead} found: asks each DTX's leader (DTX_REFRESH), or the other members when the
   * leader cannot answer (DTX_CHECK), and commits or aborts here. Completes on the target's thread once the outcome
   * is durable; DTXs still in progress stay PREPARED.
   */
  CompletableFuture<Void> resolve(DtxService.Unresolved u) {
    DtxService.TableKey k = u.key;
    DtxTable t = dtx.loaded(k);
    if (t == null) {
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (DtxEntry e : u.entries) {
      all.add(resolveOne(k, t, e));
    }
    return DtxCalls.all(all).thenApply(l -> null);
  }

  private CompletableFuture<Void> resolveOne(DtxService.TableKey k, DtxTable t, DtxEntry e) {
    DtxEntry.Member leader = e.leaderMember();
    DtxReq req = DtxCalls.req(k.pool(), k.cont(), e.epoch, List.of(e.id));
    CompletableFuture<DtxState> st;
    if (e.leader) {
      st = CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH, "this leader lost " + e));
    } else {
      st = calls.call(leader.rank(), leader.target(), DtxRpc.REFRESH, req, null).thenApply(DtxCalls::firstState);
    }
    return st.handle((s, err) -> {
      if (err == null) {
        return CompletableFuture.completedFuture(s);
      }
      DaosException de = DtxCalls.asDaos(err);
      if (de.status() != DaosStatus.UNREACH && de.status() != DaosStatus.TIMEDOUT
          && de.status() != DaosStatus.SHUTDOWN && de.status() != DaosStatus.NONEXIST) {
        return CompletableFuture.<DtxState>failedFuture(de);
      }
      LOG.info("{}: leader of {} does not answer ({}); checking the other members", name, e, de.status().symbol());
      return checkMembers(k, e);
    }).thenCompose(x -> x).thenCompose(s -> {
      CompletableFuture<Void> applied = new CompletableFuture<>();
      dtx.executor(k.target()).execute(() -> apply(t, e, s).whenComplete((v, x) -> {
        if (x == null) {
          applied.complete(null);
        } else {
          applied.completeExceptionally(x);
        }
      }));
      return applied;
    });
  }

  /**
   * DTX resync after a pool map change (DAOS {@code dtx_resync}): every PREPARED DTX held here whose leader's target
   * is DOWN or DOWNOUT in {@code map} can no longer be committed or aborted by that leader, so this engine resolves
   * it itself: DTX_REFRESH to the old leader if it still answers, else DTX_CHECK on the other members (committed
   * anywhere or prepared everywhere → commit; unknown or aborted somewhere → abort), and applies the outcome here.
   * The future gives how many DTXs were resolved; it never fails (a DTX that could not be resolved stays PREPARED for
   * the next map change or read).
   */
  CompletableFuture<Integer> resync(UUID pool, PoolMap map) {
    List<CompletableFuture<Integer>> perTable = new ArrayList<>();
    for (Map.Entry<DtxService.TableKey, DtxTable> x : dtx.tables()) {
      DtxService.TableKey k = x.getKey();
      if (!k.pool().equals(pool)) {
        continue;
      }
      DtxTable t = x.getValue();
      CompletableFuture<Integer> done = new CompletableFuture<>();
      dtx.executor(k.target()).execute(() -> {
        List<CompletableFuture<Void>> resolving = new ArrayList<>();
        for (DtxEntry e : t.preparedAll()) {
          if (!e.leader && leaderGone(map, e.leaderMember())) {
            resolving.add(resolveOne(k, t, e));
          }
        }
        if (!resolving.isEmpty()) {
          LOG.info("{}: DTX resync of pool {} target {} at map version {}: {} DTX(s) of lost leaders", name, pool,
              k.target(), map.getVersion(), resolving.size());
        }
        CompletableFuture.allOf(resolving.stream().map(f -> f.exceptionally(err -> {
          LOG.warn("{}: DTX resync could not resolve a DTX (left PREPARED): {}", name, Futures.cause(err).toString());
          return null;
        })).toArray(CompletableFuture[]::new)).whenComplete((v, err) -> done.complete(resolving.size()));
      });
      perTable.add(done);
    }
    return CompletableFuture.allOf(perTable.toArray(CompletableFuture[]::new))
        .thenApply(v -> perTable.stream().mapToInt(CompletableFuture::join).sum());
  }

  /** Whether {@code leader}'s target is DOWN (8) or DOWNOUT (16) in {@code map}. */
  private static boolean leaderGone(PoolMap map, DtxEntry.Member leader) {
    for (PoolMapRank r : map.getRanksList()) {
      if (r.getRank() == leader.rank()) {
        if (leader.target() >= r.getTargetsCount()) {
          return true;
        }
        int st = r.getTargets(leader.target()).getState();
        return (st & (8 | 16)) != 0;
      }
    }
    return true;
  }

  /** DTX_CHECK on every member but this one and the leader: the state the survivors agree on. */
  private CompletableFuture<DtxState> checkMembers(DtxService.TableKey k, DtxEntry e) {
    DtxReq req = DtxCalls.req(k.pool(), k.cont(), e.epoch, List.of(e.id));
    List<CompletableFuture<DtxState>> asks = new ArrayList<>();
    for (DtxEntry.Member m : e.others()) {
      if (m.rank() == dtx.rank() && m.target() == k.target()) {
        continue;
      }
      asks.add(calls.call(m.rank(), m.target(), DtxRpc.CHECK, req, null).thenApply(DtxCalls::firstState)
          .exceptionally(x -> null));
    }
    return DtxCalls.all(asks).thenApply(states -> {
      boolean prepared = true;
      for (DtxState s : states) {
        if (s == DtxState.DTX_ST_COMMITTED || s == DtxState.DTX_ST_COMMITTABLE) {
          return DtxState.DTX_ST_COMMITTED;
        }
        if (s == DtxState.DTX_ST_UNKNOWN || s == DtxState.DTX_ST_ABORTED) {
          prepared = false;
        }
      }
      return prepared ? DtxState.DTX_ST_COMMITTED : DtxState.DTX_ST_ABORTED;
    });
  }

  private CompletableFuture<Void> apply(DtxTable t, DtxEntry e, DtxState s) {
    if (t.get(e.id) != e || e.state != DtxEntry.State.PREPARED) {
      return CompletableFuture.completedFuture(null);
    }
    switch (s) {
      case DTX_ST_COMMITTED, DTX_ST_COMMITTABLE -> {
        return dtx.commitLocal(t, e);
      }
      case DTX_ST_ABORTED, DTX_ST_UNKNOWN -> {
        return dtx.abortLocal(t, e);
      }
      default -> {
        return CompletableFuture.completedFuture(null);
      }
    }
  }
}
