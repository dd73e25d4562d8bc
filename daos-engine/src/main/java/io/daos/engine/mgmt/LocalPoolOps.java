package io.daos.engine.mgmt;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.fanout.RankUriWait;
import io.daos.common.Ticker;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.PoolTiers;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.rdb.RdbPeers;
import io.daos.proto.mgmt.PoolCreateReq;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one engine does for its own rank at pool create and destroy (DAOS {@code ds_mgmt_tgt_pool_create},
 * {@code ds_rsvc_start}, {@code ds_mgmt_tgt_pool_destroy}): create the targets, start the pool service replica,
 * destroy both. The engine that coordinates a create or destroy, and the handlers of MGMT_TGT_CREATE, RSVC_START and
 * MGMT_TGT_DESTROY, all go through here.
 */
public final class LocalPoolOps {
  /** How long a service start waits for the group map to name every pool rank's URI. */
  static final long URI_WAIT_MS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(LocalPoolOps.class);

  private final String name;
  private final EngineState state;
  private final PoolTargets pools;
  private final PoolServices services;
  private final RankUriWait uriWait;

  LocalPoolOps(String name, EngineState state, PoolTargets pools, PoolServices services,
      IntFunction<Optional<String>> rankUri) {
    this.name = name;
    this.state = state;
    this.pools = pools;
    this.services = services;
    this.uriWait = new RankUriWait(rankUri, Ticker.SYSTEM);
  }

  String name() {
    return name;
  }

  int rank() {
    return state.rank().orElse(0);
  }

  /** The pool service replicas this engine hosts. */
  PoolServices services() {
    return services;
  }

  /** Creates this rank's targets (idempotent: an existing pool is returned as it is). */
  EnginePool createTargets(UUID pool, long scmBytes, long nvmeBytes) {
    return pools.create(pool, new PoolTiers(scmBytes, nvmeBytes));
  }

  /** Starts this rank's service replica and initialises the service; returns the leader if known. */
  OptionalInt startService(PoolCreateReq req, List<Integer> svc) {
    Map<Integer, String> uris = uriWait.await(req.getRanksList(), Duration.ofMillis(URI_WAIT_MS));
    Map<Integer, String> raft = new TreeMap<>();
    for (int r : svc) {
      String uri = uris.get(r);
      if (uri == null) {
        throw new DaosException(DaosStatus.AGAIN, "the URI of service rank " + r + " is not known yet (no group "
            + "update from the management service); retry the create");
      }
      raft.put(r, RdbPeers.raftAddress(uri));
    }
    PoolService s = services.create(req, raft, pools.targets(), uris);
    return s.rdb().leaderHint();
  }

  /** Destroys this rank's service replica and targets of {@code pool}; an absent pool is not an error. */
  void destroy(UUID pool) {
    services.destroy(pool);
    if (!pools.destroy(pool)) {
      LOG.info("{}: pool {} is not on this engine; nothing to destroy", name, pool);
    }
  }


  /** A pool UUID in its string form, DER_INVAL with a hint otherwise. */
  static UUID uuid(String s) {
    try {
      if (s.length() == 36) {
        return UUID.fromString(s);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw new DaosException(DaosStatus.INVAL, "pool UUID \"" + s + "\" is invalid; pass a UUID like "
        + "12345678-1234-1234-1234-123456789abc");
  }
}
