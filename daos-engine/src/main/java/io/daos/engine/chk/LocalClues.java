package io.daos.engine.chk;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.proto.chk.PoolClue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * This rank's pool clues (DAOS {@code ds_pool_clues_init}): one per pool it holds targets or a service replica of;
 * where it hosts a replica, the label and replica list that service records.
 */
final class LocalClues {
  private final PoolTargets pools;
  private final PoolServices services;
  private final IntSupplier rank;

  LocalClues(PoolTargets pools, PoolServices services, IntSupplier rank) {
    this.pools = pools;
    this.services = services;
    this.rank = rank;
  }

  /**
   * This rank's clues, once its pool services are reopened and replayed (waiting at most {@code wait}): a clue read
   * before that would miss a service's label and make the leader treat its pool as having no service.
   */
  List<PoolClue> list(Duration wait) throws InterruptedException {
    if (!services.awaitLoaded(wait)) {
      throw new DaosException(DaosStatus.BUSY, "rank " + rank.getAsInt() + ": pool services not loaded within "
          + wait.toSeconds() + " s of the check start; start the check again");
    }
    TreeSet<UUID> uuids = new TreeSet<>(pools.list());
    services.all().forEach(s -> uuids.add(s.poolUuid()));
    List<PoolClue> out = new ArrayList<>();
    for (UUID u : uuids) {
      out.add(clue(u, services.service(u)));
    }
    return out;
  }

  private PoolClue clue(UUID uuid, Optional<PoolService> svc) {
    PoolClue.Builder b = PoolClue.newBuilder().setUuid(uuid.toString()).setRank(rank.getAsInt());
    svc.ifPresent(s -> {
      b.setSvcReplica(true).addAllSvcReps(s.replicas());
      s.localPoolProp(PoolProps.LABEL).ifPresent(p -> b.setLabel(p.getStr()));
    });
    return b.build();
  }
}
