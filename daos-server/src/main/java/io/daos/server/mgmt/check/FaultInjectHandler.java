package io.daos.server.mgmt.check;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.chk.Fault;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.server.mgmt.pool.PoolHandler;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.PoolDrpcs;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * DAOS's checker fault injection ({@code mgmt_fi.go}, built only with {@code fault_injection}): a canned finding
 * (FaultInjectReport), a corrupted MS pool entry (FaultInjectMgmtPoolFault: label, service replicas, or the entry
 * removed) and a corrupted pool (FaultInjectPoolFault: the pool service's label, or the pool's shards destroyed).
 * jdaos serves them only when fault injection is switched on ({@link #ENV}).
 */
public final class FaultInjectHandler {
  /** The environment variable (or Java system property {@code daos.fault_injection}) that switches this on. */
  public static final String ENV = "DAOS_FAULT_INJECTION";

  private final MsContext ctx;
  private final Clock clock;

  public FaultInjectHandler(MsContext ctx, Clock clock) {
    this.ctx = ctx;
    this.clock = clock;
  }

  /** Whether this server was started with fault injection on. */
  public static boolean enabled() {
    String v = System.getProperty("daos.fault_injection", System.getenv(ENV));
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  public DaosResp report(CheckReport rpt) {
    MsAccess.Ms ms = ctx.access().checkLeader(ctx.access().systemName());
    if (rpt.getClass_() == io.daos.proto.chk.CheckInconsistClass.CIC_NONE) {
      throw new IllegalArgumentException("class must be set");
    }
    write(() -> new CheckerStore(ms.db()).addOrUpdate(rpt));
    return DaosResp.getDefaultInstance();
  }

  public DaosResp mgmtPoolFault(Fault f) {
    MsAccess.Ms ms = ctx.access().checkLeader(ctx.access().systemName());
    PoolService ps = PoolHandler.lookup(ms, poolId(f));
    switch (f.getClass_()) {
      case CIC_POOL_BAD_LABEL -> write(() -> ms.db().updatePoolService(ps.withLabel(newLabel(f, ps))
          .withLastUpdate(clock.instant())));
      case CIC_POOL_BAD_SVCL -> write(() -> ms.db().updatePoolService(ps.withReplicas(f.getUintsCount() > 0
          ? f.getUintsList() : ps.replicas().isEmpty() ? List.of(0, 3, 6, 9) : List.of(ps.replicas().get(0)))));
      case CIC_POOL_NONEXIST_ON_MS -> write(() -> ms.db().removePoolService(ps.poolUuid()));
      default -> throw unhandled(f);
    }
    return DaosResp.getDefaultInstance();
  }

  public DaosResp poolFault(Fault f) {
    MsAccess.Ms ms = ctx.access().checkLeader(ctx.access().systemName());
    PoolService ps = PoolHandler.lookup(ms, poolId(f));
    PoolEngines eng = ctx.poolEngines().orElseThrow(() -> new IllegalStateException("harness has no managed "
        + "instances"));
    switch (f.getClass_()) {
      case CIC_POOL_BAD_LABEL -> {
        try {
          new CheckRepairs(ms.db(), eng, clock).setServiceLabel(ps.poolUuid(), newLabel(f, ps), ps.replicas());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case CIC_POOL_NONEXIST_ON_ENGINE -> {
        List<Integer> all = ms.membership().members(null, MemberState.NON_EXCLUDED_FILTER).stream()
            .map(Member::rank).toList();
        int st = PoolDrpcs.destroy(eng, all, PoolDestroyReq.newBuilder().setId(ps.poolUuid().toString())
            .addAllSvcRanks(all).setForce(true).setRecursive(true).build()).getStatus();
        if (st != 0) {
          throw new DaosException(DaosStatus.fromCode(st), "pool destroy failed");
        }
      }
      default -> throw unhandled(f);
    }
    return DaosResp.getDefaultInstance();
  }

  private static String poolId(Fault f) {
    if (f.getStringsCount() < 1 || f.getStringsCount() > 2) {
      throw new IllegalArgumentException("no pool UUID provided");
    }
    return f.getStrings(0);
  }

  private static String newLabel(Fault f, PoolService ps) {
    String l = f.getStringsCount() == 2 ? f.getStrings(1) : "";
    return l.isEmpty() ? ps.poolLabel() + "-fault" : l;
  }

  private static IllegalArgumentException unhandled(Fault f) {
    return new IllegalArgumentException("unhandled fault class \"" + f.getClass_() + "\"");
  }

  private void write(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
  }
}
