package io.daos.engine.chk;

import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.proto.chk.PoolClue;
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

  List<PoolClue> list() {
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
