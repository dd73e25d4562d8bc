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
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool create/destroy/query dRPCs (207/208/223) sent to the engine of every target rank. Create goes to all ranks in
 * parallel (each service rank's engine starts its replica and the replicas initialise the service before
 * answering); the service ranks are the ones the MS chose, the leader the one a service rank reports. A create
 * failing on one rank is undone (forced destroy) on the ranks that succeeded.
 */
final class PoolDrpcs {
  /** Threads for the parallel create calls (each blocks on one engine's dRPC). */
  private static final java.util.concurrent.ExecutorService CREATE_CALLS =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pool-create-drpc");
        t.setDaemon(true);
        return t;
      });
  private static final Logger LOG = LoggerFactory.getLogger(PoolDrpcs.class);

  private PoolDrpcs() {
  }

  static PoolCreateResp create(PoolEngines eng, List<Integer> ranks, List<Integer> svc, PoolCreateReq req) {
    Map<Integer, CompletableFuture<PoolCreateResp>> calls = new TreeMap<>();
    for (int rank : ranks) {
      calls.put(rank, CompletableFuture.supplyAsync(() -> call(eng, rank, req), CREATE_CALLS));
    }
    List<Integer> done = new ArrayList<>();
    PoolCreateResp failed = null;
    RuntimeException error = null;
    PoolCreateResp leader = null;
    PoolCreateResp first = null;
    for (Map.Entry<Integer, CompletableFuture<PoolCreateResp>> c : calls.entrySet()) {
      try {
        PoolCreateResp r = c.getValue().join();
        if (r.getStatus() != 0) {
          failed = failed == null ? r : failed;
          continue;
        }
        done.add(c.getKey());
        first = first == null ? r : first;
        if (leader == null && svc.contains(c.getKey()) && svc.contains(r.getSvcLdr())) {
          leader = r;
        }
      } catch (java.util.concurrent.CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : e;
        if (notReady(cause)) {
          LOG.info("pool create: engine of rank {} not ready: {}", c.getKey(), cause.getMessage());
          failed = failed == null ? PoolCreateResp.newBuilder().setStatus(DaosStatus.AGAIN.code()).build() : failed;
        } else {
          error = error == null ? cause : error;
        }
      }
    }
    if (error != null || failed != null) {
      undo(eng, done, req);
      if (error != null) {
        throw error;
      }
      return failed;
    }
    PoolCreateResp.Builder b = first.toBuilder().setSvcLdr(leader != null ? leader.getSvcLdr() : svc.get(0))
        .clearSvcReps().addAllSvcReps(svc).clearTgtRanks().addAllTgtRanks(ranks);
    if (b.getTierBytesCount() == 0) {
      b.addAllTierBytes(req.getTierBytesList());
    }
    return b.build();
  }

  private static PoolCreateResp call(PoolEngines eng, int rank, PoolCreateReq req) {
    try {
      return PoolCreateResp.parseFrom(eng.callDrpc(rank, DrpcMethod.MGMT_POOL_CREATE, req.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
