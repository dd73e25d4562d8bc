package io.daos.server.mgmt.check;

import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.server.mgmt.svc.PoolDrpcs;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import io.daos.server.sysdb.SystemDb;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The pool-list repairs, as DAOS's check leader makes them: de-register a dangling pool from the MS
 * ({@code ds_chk_deregpool_upcall}), register an orphan pool or the pool service's label in the MS
 * ({@code ds_chk_regpool_upcall}), destroy an orphan pool's shards ({@code chk_leader_destroy_pool}) and reset the
 * pool service's label to the MS's (DAOS does it in the pool-cleanup phase). Each returns 0 or a DER status.
 */
final class CheckRepairs {
  /** DAOS_PROP_PO_LABEL. */
  static final int PROP_LABEL = 1;

  private final SystemDb db;
  private final PoolEngines engines;
  private final Clock clock;

  CheckRepairs(SystemDb db, PoolEngines engines, Clock clock) {
    this.db = db;
    this.engines = engines;
    this.clock = clock;
  }

  int apply(Inconsistency inc, io.daos.proto.chk.CheckInconsistAction act) {
    try {
      switch (act) {
        case CIA_DISCARD -> discard(inc);
        case CIA_READD, CIA_TRUST_PS -> register(inc.pool(), inc.psLabel(), inc.svcReps(), inc.shardRanks());
        case CIA_TRUST_MS -> setServiceLabel(inc.pool(), inc.msLabel(), inc.svcReps());
        default -> {
        }
      }
      return 0;
    } catch (DaosException e) {
      return e.status().code();
    } catch (RuntimeException | IOException e) {
      return DaosStatus.MISC.code();
    }
  }

  private void discard(Inconsistency inc) throws IOException {
    if (inc.cls() == io.daos.proto.chk.CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE) {
      db.removePoolService(inc.pool());
    } else {
      destroyShards(inc.pool(), inc.shardRanks());
    }
  }

  void register(UUID pool, String label, List<Integer> svcReps, List<Integer> ranks) {
    PoolService cur = db.findPoolServiceByUuid(pool).orElse(null);
    if (cur != null) {
      db.updatePoolService(cur.withLabel(label).withLastUpdate(clock.instant()));
      return;
    }
    PoolServiceStorage storage = new PoolServiceStorage(RankSet.ofInts(ranks).toString(), List.of(), 0f);
    db.addPoolService(new PoolService(pool, label, PoolServiceState.READY, svcReps, storage, clock.instant()));
  }

  void destroyShards(UUID pool, List<Integer> ranks) {
    PoolDestroyReq req = PoolDestroyReq.newBuilder().setId(pool.toString()).setForce(true).setRecursive(true)
        .addAllSvcRanks(ranks).build();
    int st = PoolDrpcs.destroy(engines, ranks, req).getStatus();
    if (st != 0) {
      throw new DaosException(DaosStatus.fromCode(st), "destroy pool " + pool);
    }
  }

  void setServiceLabel(UUID pool, String label, List<Integer> svcReps) throws IOException {
    PoolSetPropReq req = PoolSetPropReq.newBuilder().setId(pool.toString()).addAllSvcRanks(svcReps)
        .addProperties(PoolProperty.newBuilder().setNumber(PROP_LABEL).setStrval(label)).build();
    int st = PoolSetPropResp.parseFrom(engines.callDrpc(svcReps, DrpcMethod.MGMT_POOL_SET_PROP, req.toByteArray()))
        .getStatus();
    if (st != 0) {
      throw new DaosException(DaosStatus.fromCode(st), "set the label of pool " + pool);
    }
  }
}
