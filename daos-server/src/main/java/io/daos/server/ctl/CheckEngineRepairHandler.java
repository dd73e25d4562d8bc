package io.daos.server.ctl;

import io.daos.common.ranklist.Rank;
import io.daos.proto.ctl.CheckEngineActReq;
import io.daos.proto.ctl.CheckEngineActResp;
import io.daos.proto.mgmt.CheckActReq;
import io.daos.proto.mgmt.CheckActResp;
import io.daos.server.engine.EngineHarness;
import java.util.function.Function;

/**
 * CtlSvc CheckEngineRepair (DAOS {@code ctl_check.go}): a checker decision for the rank of a finding, checked as
 * DAOS checks it (a request, a rank, a rank this server manages). DAOS hands it to that engine's check instance over
 * dRPC; jdaos's check leader is the management service, which holds the findings and applies the repairs, so the
 * decision goes to the MS's SystemCheckRepair and its answer comes back for that rank.
 */
public final class CheckEngineRepairHandler {
  private final EngineHarness harness;
  private final Function<CheckActReq, CheckActResp> msRepair;

  /** {@code msRepair}: the MS's SystemCheckRepair. */
  public CheckEngineRepairHandler(EngineHarness harness, Function<CheckActReq, CheckActResp> msRepair) {
    this.harness = harness;
    this.msRepair = msRepair;
  }

  CheckEngineActResp repair(CheckEngineActReq req) {
    if (!req.hasReq()) {
      throw new IllegalArgumentException("no CheckActReq in request");
    }
    Rank rank = Rank.fromUint32(req.getRank());
    if (rank.equals(Rank.NIL)) {
      throw new IllegalArgumentException("nil rank in request");
    }
    boolean managed = harness.instances().stream().anyMatch(e -> e.rank().map(rank::equals).orElse(false));
    if (!managed) {
      throw new IllegalArgumentException("rank " + rank.value() + " is not managed by this DAOS server");
    }
    return CheckEngineActResp.newBuilder().setRank(req.getRank()).setResp(msRepair.apply(req.getReq())).build();
  }
}
