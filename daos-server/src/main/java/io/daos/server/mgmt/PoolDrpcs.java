package io.daos.server.mgmt;

import io.daos.common.DaosStatus;
import io.daos.common.Fault;
import io.daos.common.RankSet;
import io.daos.common.FaultCode;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.server.sysdb.PoolService;
import io.daos.server.engine.EngineUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool create/destroy/query dRPCs (207/208/223) sent to the engine of every target rank. The first engine answering
 * with service replicas names them; if none does, the first min(#ranks, 2×svc_rf(2)+1) ranks are used, as
 * the engine's default. A create failing on one rank is undone (forced destroy) on the ranks that succeeded.
 */
final class PoolDrpcs {
  static final int DEFAULT_SVC_REPS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(PoolDrpcs.class);

  private PoolDrpcs() {
  }

  static PoolCreateResp create(PoolEngines eng, List<Integer> ranks, PoolCreateReq req) {
    List<Integer> done = new ArrayList<>();
    PoolCreateResp first = null;
    for (int rank : ranks) {
      PoolCreateResp r;
      try {
        r = PoolCreateResp.parseFrom(eng.callDrpc(rank, DrpcMethod.MGMT_POOL_CREATE, req.toByteArray()));
      } catch (IOException | RuntimeException e) {
        undo(eng, done, req);
        if (notReady(e)) {
          LOG.info("pool create: engine of rank {} not ready: {}", rank, e.getMessage());
          return PoolCreateResp.newBuilder().setStatus(DaosStatus.AGAIN.code()).build();
        }
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
      if (r.getStatus() != 0) {
        undo(eng, done, req);
        return r;
      }
      done.add(rank);
      if (first == null || first.getSvcRepsCount() == 0 && r.getSvcRepsCount() > 0) {
        first = r;
      }
    }
    return merge(first, ranks, req);
  }

  private static PoolCreateResp merge(PoolCreateResp first, List<Integer> ranks, PoolCreateReq req) {
    PoolCreateResp.Builder b = first.toBuilder();
    if (b.getSvcRepsCount() == 0) {
      int n = req.getNumSvcReps() > 0 ? req.getNumSvcReps() : DEFAULT_SVC_REPS;
      b.addAllSvcReps(ranks.subList(0, Math.min(n, ranks.size())));
      b.setSvcLdr(b.getSvcReps(0));
    }
    // Each rank's engine created only its own targets and reports only itself; the pool spans them all.
    b.clearTgtRanks().addAllTgtRanks(ranks);
    if (b.getTierBytesCount() == 0) {
      b.addAllTierBytes(req.getTierBytesList());
    }
    return b.build();
  }

  /**
   * Pool query (dRPC 223) sent to every target rank's engine; the answers are merged by
   * {@link PoolQueries#aggregate}. A rank whose engine is down or unreachable counts as disabled; if no
   * engine answers, the first failure is thrown. A non-zero engine status is returned as is.
   */
  static PoolQueryResp query(PoolEngines eng, PoolService ps, PoolQueryReq req) {
    Map<Integer, PoolQueryResp> answers = new TreeMap<>();
    List<Integer> down = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (int rank : RankSet.parse(ps.storage().creationRankStr()).ints()) {
      PoolQueryResp r;
      try {
        r = PoolQueryResp.parseFrom(eng.callDrpc(rank, DrpcMethod.MGMT_POOL_QUERY, req.toByteArray()));
      } catch (IOException | RuntimeException e) {
        LOG.warn("pool query {}: engine of rank {} did not answer: {}", ps.poolUuid(), rank, e.getMessage());
        firstFailure = firstFailure != null ? firstFailure
            : e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        down.add(rank);
        continue;
      }
      if (r.getStatus() != 0) {
        return r;
      }
      answers.put(rank, r);
    }
    if (answers.isEmpty() && firstFailure != null) {
      throw firstFailure;
    }
    return PoolQueries.aggregate(ps, answers, down, eng.targetCount(), req.getQueryMask());
  }

  static PoolDestroyResp destroy(PoolEngines eng, List<Integer> ranks, PoolDestroyReq req) {
    for (int rank : ranks) {
      try {
        PoolDestroyResp r = PoolDestroyResp.parseFrom(eng.callDrpc(rank, DrpcMethod.MGMT_POOL_DESTROY,
            req.toByteArray()));
        if (r.getStatus() != 0 && r.getStatus() != DaosStatus.NONEXIST.code()) {
          return r;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return PoolDestroyResp.getDefaultInstance();
  }

  private static void undo(PoolEngines eng, List<Integer> done, PoolCreateReq req) {
    if (done.isEmpty()) {
      return;
    }
    PoolDestroyReq d = PoolDestroyReq.newBuilder().setSys(req.getSys()).setId(req.getUuid()).setForce(true)
        .setRecursive(true).addAllSvcRanks(req.getRanksList()).build();
    try {
      destroy(eng, done, d);
    } catch (RuntimeException e) {
      LOG.error("cleaning up pool {} after create failure: {}", req.getUuid(), e.getMessage());
    }
  }

  static boolean notReady(Throwable e) {
    return e instanceof EngineUnavailableException || Fault.hasCode(e, FaultCode.SERVER_DATA_PLANE_NOT_STARTED)
        || Fault.hasCode(e, FaultCode.SERVER_HARNESS_NOT_STARTED);
  }
}
