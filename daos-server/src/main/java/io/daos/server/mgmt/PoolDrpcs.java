package io.daos.server.mgmt;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.server.engine.EngineUnavailableException;
import io.daos.server.sysdb.PoolService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool create/destroy/query dRPCs (207/208/223) as DAOS's MS sends them: ONE dRPC to one ready local engine (one
 * serving a pool rank when there is one), which acts for the whole pool over the fabric: create makes the targets on
 * every rank and starts the service (and cleans up itself when a rank fails), destroy reaches every rank listed,
 * query asks the pool service leader. A local engine that is not ready makes create answer DER_AGAIN.
 */
final class PoolDrpcs {
  private static final Logger LOG = LoggerFactory.getLogger(PoolDrpcs.class);

  private PoolDrpcs() {
  }

  /**
   * The answer names the service ranks the MS chose ({@code svc}) and every target rank; the leader is the one the
   * engine reports when it is a service rank.
   */
  static PoolCreateResp create(PoolEngines eng, List<Integer> ranks, List<Integer> svc, PoolCreateReq req) {
    PoolCreateResp r;
    try {
      r = PoolCreateResp.parseFrom(eng.callDrpc(ranks, DrpcMethod.MGMT_POOL_CREATE, req.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (!notReady(e)) {
        throw e;
      }
      LOG.info("pool create {}: no local engine ready: {}", req.getUuid(), e.getMessage());
      return PoolCreateResp.newBuilder().setStatus(DaosStatus.AGAIN.code()).build();
    }
    if (r.getStatus() != 0) {
      return r;
    }
    PoolCreateResp.Builder b = r.toBuilder().setSvcLdr(svc.contains(r.getSvcLdr()) ? r.getSvcLdr() : svc.get(0))
        .clearSvcReps().addAllSvcReps(svc).clearTgtRanks().addAllTgtRanks(ranks);
    return b.getTierBytesCount() > 0 ? b.build() : b.addAllTierBytes(req.getTierBytesList()).build();
  }

  /** Pool query (dRPC 223, with the service ranks); the MS fills in the label it records. */
  static PoolQueryResp query(PoolEngines eng, PoolService ps, PoolQueryReq req) {
    PoolQueryReq fwd = req.toBuilder().clearSvcRanks().addAllSvcRanks(ps.replicas()).build();
    List<Integer> ranks = RankSet.parse(ps.storage().creationRankStr()).ints();
    try {
      PoolQueryResp r = PoolQueryResp.parseFrom(eng.callDrpc(ranks, DrpcMethod.MGMT_POOL_QUERY, fwd.toByteArray()));
      return r.getStatus() != 0 ? r : r.toBuilder().setUuid(ps.poolUuid().toString()).setLabel(ps.poolLabel())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pool destroy (dRPC 208) on every rank {@code req.svc_ranks} lists; an absent pool counts as destroyed. */
  static PoolDestroyResp destroy(PoolEngines eng, List<Integer> ranks, PoolDestroyReq req) {
    try {
      PoolDestroyResp r = PoolDestroyResp.parseFrom(eng.callDrpc(ranks, DrpcMethod.MGMT_POOL_DESTROY,
          req.toByteArray()));
      return r.getStatus() == DaosStatus.NONEXIST.code() ? PoolDestroyResp.getDefaultInstance() : r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean notReady(Throwable e) {
    return e instanceof EngineUnavailableException || Fault.hasCode(e, FaultCode.SERVER_DATA_PLANE_NOT_STARTED)
        || Fault.hasCode(e, FaultCode.SERVER_HARNESS_NOT_STARTED);
  }
}
