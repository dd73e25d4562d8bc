package io.daos.server.mgmt.svc;

import io.daos.common.DaemonThreads;
import io.daos.proto.mgmt.GroupUpdateReq;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.server.system.GroupMap;
import io.daos.server.system.Membership;
import io.daos.server.system.RankEntry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS leader's CaRT group update (DAOS doGroupUpdate): sends the group map of non-excluded ranks to a
 * local engine (dRPC 232), one update at a time and never twice for the same map version. Requests run on
 * one background thread so joins do not wait for engines. An update that found no local engine ready yet (the
 * engine of the MS's own host may be set up after the others joined) is retried until one takes it: engines need
 * the map to reach each other for pool create.
 */
public final class GroupUpdater implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupUpdater.class);

  private final Supplier<Membership> membership;
  private final Collection<String> replicaAddrs;
  private final GroupUpdateSender sender;
  /** Pause before retrying an update no local engine was ready for. */
  static final long RETRY_MS = 500;

  private final ScheduledExecutorService executor;
  private int lastMapVersion;
  private Future<?> queuedForced;

  /**
   * @param membership the leader's membership (null when none is attached)
   * @param replicaAddrs MS replicas' control addresses, to mark MS ranks
   */
  public GroupUpdater(Supplier<Membership> membership, Collection<String> replicaAddrs, GroupUpdateSender sender) {
    this.membership = membership;
    this.replicaAddrs = List.copyOf(replicaAddrs);
    this.sender = sender;
    this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ms-group-update"));
  }

  /**
   * Queues a group update; {@code forced} bumps the map version first. A forced request made while another
   * forced one waits to start joins it (a burst of joins gives one update, as DAOS's one per join batch).
   */
  public synchronized Future<?> request(boolean forced) {
    if (forced && queuedForced != null) {
      return queuedForced;
    }
    Future<?> f = executor.submit(() -> {
      if (forced) {
        clearQueued();
      }
      run(forced);
    });
    if (forced && !f.isDone()) {
      queuedForced = f;
    }
    return f;
  }

  /** Forgets the last map version sent (the MS database was erased: versions start again). */
  public Future<?> reset() {
    return executor.submit(() -> {
      lastMapVersion = 0;
    });
  }

  private synchronized void clearQueued() {
    queuedForced = null;
  }

  private void run(boolean forced) {
    try {
      update(forced);
    } catch (io.daos.server.system.SystemException e) {
      if (e.kind() != io.daos.server.system.SystemException.Kind.EMPTY_GROUP_MAP) {
        LOG.warn("MS group update failed: {}", e.toString());
      } else {
        LOG.debug("group update skipped: empty group map");
      }
    } catch (Exception e) {
      if (io.daos.server.engine.EngineFaults.isNotReady(e)) {
        LOG.debug("MS group update: no local engine ready yet; retrying in {} ms", RETRY_MS);
        retryLater();
      } else {
        LOG.warn("MS group update failed: {}", e.toString());
      }
    }
  }

  private void retryLater() {
    try {
      executor.schedule(() -> request(false), RETRY_MS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      LOG.debug("group updater closed; retry dropped");
    }
  }

  private void update(boolean forced) throws Exception {
    Membership m = membership.get();
    if (m == null) {
      return;
    }
    if (forced && m.store() instanceof io.daos.server.sysdb.SystemDb db) {
      db.incMapVersion();
    }
    GroupMap gm = m.groupMap(replicaAddrs);
    if (gm.version() == lastMapVersion) {
      LOG.debug("skipping duplicate GroupUpdate @ {}", gm.version());
      return;
    }
    if (gm.version() < lastMapVersion) {
      throw new IllegalStateException("group map version " + gm.version() + " is less than last map version "
          + lastMapVersion);
    }
    GroupUpdateReq req = toRequest(gm);
    LOG.debug("group update request: version: {}, ranks: {}", gm.version(), gm.rankEntries().keySet());
    GroupUpdateResp resp = sender.send(req);
    lastMapVersion = gm.version();
    if (resp.getStatus() != 0) {
      LOG.warn("GroupUpdate @ {} answered status {}", gm.version(), resp.getStatus());
    }
  }

  static GroupUpdateReq toRequest(GroupMap gm) {
    GroupUpdateReq.Builder b = GroupUpdateReq.newBuilder().setMapVersion(gm.version());
    for (Map.Entry<Integer, RankEntry> e : gm.rankEntries().entrySet()) {
      b.addEnginesBuilder().setRank(e.getKey()).setUri(e.getValue().primaryUri())
          .setIncarnation(e.getValue().incarnation());
    }
    return b.build();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
