package io.daos.server.mgmt.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.proto.mgmt.PoolUpgradeReq;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS's pool-service RPCs (DAOS server/mgmt_pool.go, mgmt_cont.go): PoolGetProp, PoolQueryTarget and
 * ListContainers (any replica), PoolSetProp, PoolEvict and PoolUpgrade (leader). They are forwarded to the pool's service replicas by dRPC; a label set
 * through set-prop is checked for uniqueness and recorded in the MS pool record once the service took it.
 */
public final class PoolSvcHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PoolSvcHandler.class);

  private final MsAccess access;
  private final PoolEngines engines;

  public PoolSvcHandler(MsContext ctx) {
    this.access = ctx.access();
    this.engines = ctx.poolEngines().orElse(null);
  }

  /** PoolGetProp (any replica): the request must name the properties to read, as DAOS requires. */
  public PoolGetPropResp poolGetProp(PoolGetPropReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    try {
      if (req.getPropertiesCount() == 0) {
        throw new IllegalArgumentException("PoolGetProp() request with 0 properties");
      }
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      PoolGetPropReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return PoolSvcCalls.call(eng(), ps, DrpcMethod.MGMT_POOL_GET_PROP, fwd, PoolGetPropResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** PoolSetProp (leader): the label first (unique, then recorded in the MS), then the others in one call. */
  public PoolSetPropResp poolSetProp(PoolSetPropReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      if (req.getPropertiesCount() == 0) {
        throw new IllegalArgumentException("PoolSetProp() request with 0 properties");
      }
      List<PoolProperty> misc = new ArrayList<>();
      for (PoolProperty p : req.getPropertiesList()) {
        if (p.getNumber() == PoolHandler.LABEL_PROP) {
          ps = updateLabel(ms, ps, req.getSys(), p);
        } else {
          misc.add(p);
        }
      }
      if (misc.isEmpty()) {
        return PoolSetPropResp.getDefaultInstance();
      }
      PoolSetPropReq fwd = PoolSetPropReq.newBuilder().setSys(req.getSys()).setId(ps.poolUuid().toString())
          .addAllProperties(misc).addAllSvcRanks(ps.replicas()).build();
      return setProp(ps, fwd);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  private PoolService updateLabel(MsAccess.Ms ms, PoolService ps, String sys, PoolProperty p) {
    String label = p.getStrval();
    if (!label.isEmpty()) {
      Optional<PoolService> found = ms.db().findPoolServiceByLabel(label);
      if (found.isPresent() && !found.get().poolUuid().equals(ps.poolUuid())) {
        throw PoolFaults.duplicateLabel(label);
      }
    }
    PoolSetPropResp resp = setProp(ps, PoolSetPropReq.newBuilder().setSys(sys).setId(ps.poolUuid().toString())
        .addProperties(p).addAllSvcRanks(ps.replicas()).build());
    if (resp.getStatus() != 0) {
      throw new IllegalStateException("label update failed: " + DaosStatus.fromCode(resp.getStatus()),
          new DaosException(DaosStatus.fromCode(resp.getStatus())));
    }
    PoolService updated = ps.withLabel(label);
    ms.db().updatePoolService(updated);
    LOG.info("pool {}: label changed from {} to {}", ps.poolUuid(), ps.poolLabel(), label);
    return updated;
  }

  private PoolSetPropResp setProp(PoolService ps, PoolSetPropReq fwd) {
    return PoolSvcCalls.call(eng(), ps, DrpcMethod.MGMT_POOL_SET_PROP, fwd, PoolSetPropResp::parseFrom);
  }

  /** PoolEvict (leader): the service evicts the handles (all, the listed ones, or one machine's). */
  public PoolEvictResp poolEvict(PoolEvictReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      return evict(PoolHandler.lookup(ms, req.getId()), req);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** Evicts with {@code req} on the service of {@code ps} (for PoolEvict, PoolDestroy and SystemCleanup). */
  public PoolEvictResp evict(PoolService ps, PoolEvictReq req) {
    PoolEvictReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
        .addAllSvcRanks(ps.replicas()).build();
    PoolEvictResp resp = PoolSvcCalls.call(eng(), ps, DrpcMethod.MGMT_POOL_EVICT, fwd, PoolEvictResp::parseFrom);
    if (resp.getCount() > 0) {
      LOG.info("pool {}: evicted {} handle(s)", ps.poolUuid(), resp.getCount());
    }
    return resp;
  }

  /** ListContainers (any replica): the pool service lists the pool's containers (dRPC MGMT_LIST_CONTAINERS). */
  public ListContResp listContainers(ListContReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    try {
      return listContainers(PoolHandler.lookup(ms, req.getId()), req.getSys());
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /**
   * PoolUpgrade (leader, DAOS poolServiceSimple): the pool service compares the pool's layout version with the
   * one the engine writes and upgrades it if needed (dRPC MGMT_POOL_UPGRADE); its status comes back as it is.
   */
  public DaosResp poolUpgrade(PoolUpgradeReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      PoolUpgradeReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      return PoolSvcCalls.call(eng(), ps, DrpcMethod.MGMT_POOL_UPGRADE, fwd, DaosResp::parseFrom);
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** The pool's containers (also DAOS poolHasContainers: ListContainers on the service). */
  ListContResp listContainers(PoolService ps, String sys) {
    ListContReq req = ListContReq.newBuilder().setSys(sys).setId(ps.poolUuid().toString())
        .addAllSvcRanks(ps.replicas()).build();
    return PoolSvcCalls.call(eng(), ps, DrpcMethod.MGMT_LIST_CONTAINERS, req, ListContResp::parseFrom);
  }

  /** PoolQueryTarget (any replica): the engine of the rank asked about answers for its targets. */
  public PoolQueryTargetResp poolQueryTarget(PoolQueryTargetReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    try {
      PoolService ps = PoolHandler.lookup(ms, req.getId());
      PoolQueryTargetReq fwd = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
          .addAllSvcRanks(ps.replicas()).build();
      try {
        return PoolQueryTargetResp.parseFrom(eng().callDrpc(List.of(req.getRank()), DrpcMethod.MGMT_POOL_QUERY_TARGETS,
            fwd.toByteArray()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  private PoolEngines eng() {
    if (engines == null) {
      throw new IllegalStateException("harness has no managed instances");
    }
    return engines;
  }
}
