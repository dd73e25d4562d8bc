package io.daos.engine.mgmt;

import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.PoolAcl;
import io.daos.engine.pool.svc.PoolProps;
import io.daos.engine.pool.svc.PoolService;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.PoolUpgradeReq;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.AccessControlList;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.proto.pool.Prop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pool-service dRPC methods the MS sends to a service replica's engine (DAOS {@code ds_mgmt_drpc_pool_*}):
 * MGMT_POOL_GET_PROP (237), MGMT_POOL_SET_PROP (224), MGMT_POOL_EVICT (230), MGMT_LIST_CONTAINERS (222),
 * MGMT_POOL_UPGRADE (239) and the
 * ACL methods MGMT_POOL_GET_ACL/OVERWRITE_ACL/UPDATE_ACL/DELETE_ACL (213/215/216/217).
 * Each runs on the pool service's thread when this engine hosts the leader replica. Otherwise (DER_NOTREPLICA,
 * DER_NOTLEADER) the request goes to the leader over CART-J ({@link RemotePoolSvc}) when it names the service ranks,
 * as DAOS's engine does; without them the status is answered as it is.
 */
final class PoolSvcDrpcs {
  /** DAOS_PROP_PO_ACL: not readable or settable through get-prop/set-prop (the ACL commands are). */
  static final int ACL = 2;
  static final int SVC_LIST = 8;
  /** How long one call waits for the service thread. */
  static final long CALL_TIMEOUT_S = 30;
  private static final String CONT_PREFIX = "cont/uuid/";

  private final PoolServices services;
  private final RemotePoolSvc remote;

  /** {@code remote} forwards what this engine's replica cannot answer to the leader. */
  PoolSvcDrpcs(PoolServices services, RemotePoolSvc remote) {
    this.services = services;
    this.remote = remote;
  }

  /** Whether a local failure with {@code e} is answered by the leader elsewhere. */
  private boolean forward(DaosException e, List<Integer> svcRanks) {
    return !svcRanks.isEmpty() && (e.status() == DaosStatus.NOTREPLICA || e.status() == DaosStatus.NOTLEADER);
  }

  PoolGetPropResp getProp(PoolGetPropReq req) {
    try {
      List<PoolProperty> out = onService(req.getId(), svc -> {
        svc.map();
        List<PoolProperty> props = new ArrayList<>();
        for (PoolProperty want : req.getPropertiesList()) {
          if (want.getNumber() != ACL) {
            svc.poolProp(want.getNumber()).flatMap(PoolSvcDrpcs::toWire).ifPresent(props::add);
          }
        }
        return props;
      });
      return PoolGetPropResp.newBuilder().addAllProperties(out).build();
    } catch (DaosException e) {
      if (forward(e, req.getSvcRanksList())) {
        return remoteOr(() -> remote.getProp(req), st -> PoolGetPropResp.newBuilder().setStatus(st).build());
      }
      return PoolGetPropResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  PoolSetPropResp setProp(PoolSetPropReq req) {
    try {
      List<Prop> props = new ArrayList<>();
      for (PoolProperty p : req.getPropertiesList()) {
        props.add(fromWire(p));
      }
      onService(req.getId(), svc -> {
        svc.setProps(props);
        return null;
      });
      return PoolSetPropResp.getDefaultInstance();
    } catch (DaosException e) {
      if (forward(e, req.getSvcRanksList())) {
        return remoteOr(() -> remote.setProp(req), st -> PoolSetPropResp.newBuilder().setStatus(st).build());
      }
      return PoolSetPropResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  PoolEvictResp evict(PoolEvictReq req) {
    try {
      List<UUID> handles = new ArrayList<>();
      req.getHandlesList().forEach(h -> handles.add(uuid(h, "handle")));
      int n = onService(req.getId(), svc -> svc.evict(handles, req.getMachine(), req.getDestroy(),
          req.getForceDestroy()));
      return PoolEvictResp.newBuilder().setCount(n).build();
    } catch (DaosException e) {
      if (forward(e, req.getSvcRanksList())) {
        return remoteOr(() -> remote.evict(req), st -> PoolEvictResp.newBuilder().setStatus(st).build());
      }
      return PoolEvictResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  /**
   * MGMT_POOL_UPGRADE (239): the pool's layout version and upgrade status, read from the service as get-prop reads
   * them (here or at the leader), decide the answer ({@link PoolProps#upgradeCheck}).
   */
  DaosResp upgrade(PoolUpgradeReq req) {
    PoolGetPropReq.Builder q = PoolGetPropReq.newBuilder().setSys(req.getSys()).setId(req.getId())
        .addAllSvcRanks(req.getSvcRanksList());
    q.addPropertiesBuilder().setNumber(PoolProps.GLOBAL_VERSION);
    q.addPropertiesBuilder().setNumber(PoolProps.UPGRADE_STATUS);
    PoolGetPropResp props = getProp(q.build());
    if (props.getStatus() != 0) {
      return DaosResp.newBuilder().setStatus(props.getStatus()).build();
    }
    Long version = null;
    long status = PoolProps.UPGRADE_NOT_STARTED;
    for (PoolProperty p : props.getPropertiesList()) {
      if (p.getNumber() == PoolProps.GLOBAL_VERSION) {
        version = p.getNumval();
      } else if (p.getNumber() == PoolProps.UPGRADE_STATUS) {
        status = p.getNumval();
      }
    }
    if (version == null) {
      return DaosResp.newBuilder().setStatus(DaosStatus.NOTSUPPORTED.code()).build();
    }
    return DaosResp.newBuilder().setStatus(PoolProps.upgradeCheck(version, status).code()).build();
  }

  /** The containers of the pool: every UUID with keys under {@code cont/uuid/} in the service's Rdb. */
  ListContResp listContainers(ListContReq req) {
    try {
      TreeSet<String> conts = onService(req.getId(), svc -> {
        svc.map();
        TreeSet<String> ids = new TreeSet<>();
        svc.rdb().scan(CONT_PREFIX).keySet().forEach(k -> {
          int end = k.indexOf('/', CONT_PREFIX.length());
          ids.add(end < 0 ? k.substring(CONT_PREFIX.length()) : k.substring(CONT_PREFIX.length(), end));
        });
        return ids;
      });
      ListContResp.Builder b = ListContResp.newBuilder();
      conts.forEach(c -> b.addContainersBuilder().setUuid(c));
      return b.build();
    } catch (DaosException e) {
      if (forward(e, req.getSvcRanksList())) {
        return remoteOr(() -> remote.listContainers(req), st -> ListContResp.newBuilder().setStatus(st).build());
      }
      return ListContResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  /** MGMT_POOL_GET_ACL (213): the ACL with the pool's owner and owner group. */
  ACLResp getAcl(GetACLReq req) {
    return aclCall(req.getId(), req.getSvcRanksList(), svc -> null,
        () -> remote.getAcl(uuid(req.getId(), "pool"), req.getSvcRanksList()));
  }

  /** MGMT_POOL_OVERWRITE_ACL (215) and MGMT_POOL_UPDATE_ACL (216); a bad entry is DER_INVAL, as DAOS. */
  ACLResp modifyAcl(ModifyACLReq req, boolean overwrite) {
    return aclCall(req.getId(), req.getSvcRanksList(), svc -> {
      svc.updateAcl(req.getEntriesList(), overwrite);
      return null;
    }, () -> remote.modifyAcl(req, overwrite));
  }

  /** MGMT_POOL_DELETE_ACL (217): the principal as DAOS writes it (OWNER@, u:name@, g:name@, ...). */
  ACLResp deleteAcl(DeleteACLReq req) {
    return aclCall(req.getId(), req.getSvcRanksList(), svc -> {
      svc.deleteAcl(PoolAcl.principalFromDaos(req.getPrincipal()));
      return null;
    }, () -> remote.deleteAcl(req));
  }

  /**
   * Runs {@code change} on the service, then answers the pool's ACL as it is after it; where this engine's replica
   * is not the leader, {@code atLeader} does the same at the leader.
   */
  private ACLResp aclCall(String id, List<Integer> svcRanks, ServiceBody<Void> change,
      java.util.function.Supplier<ACLResp> atLeader) {
    try {
      AccessControlList acl = onService(id, svc -> {
        svc.map();
        change.run(svc);
        AccessControlList.Builder b = AccessControlList.newBuilder().addAllEntries(svc.acl().aces());
        svc.poolProp(PoolProps.OWNER).filter(Prop::hasStr).ifPresent(p -> b.setOwnerUser(p.getStr()));
        svc.poolProp(PoolProps.OWNER_GROUP).filter(Prop::hasStr).ifPresent(p -> b.setOwnerGroup(p.getStr()));
        return b.build();
      });
      return ACLResp.newBuilder().setAcl(acl).build();
    } catch (DaosException e) {
      if (forward(e, svcRanks)) {
        return remoteOr(atLeader, st -> ACLResp.newBuilder().setStatus(st).build());
      }
      return ACLResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  /** The leader's answer, or {@code error} with the status of why no leader answered. */
  private static <T> T remoteOr(java.util.function.Supplier<T> call, java.util.function.IntFunction<T> error) {
    try {
      return call.get();
    } catch (DaosException e) {
      return error.apply(e.status().code());
    }
  }

  private <T> T onService(String id, ServiceBody<T> body) {
    UUID pool = uuid(id, "pool");
    PoolService svc = services.service(pool).orElseThrow(() -> new DaosException(DaosStatus.NOTREPLICA, "this engine hosts no replica of the "
            + "service of pool " + pool));
    Callable<T> task = () -> body.run(svc);
    try {
      return svc.executor().submit(task).get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DaosException de) {
        throw de;
      }
      throw new DaosException(DaosStatus.MISC, "pool " + pool + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new DaosException(DaosStatus.TIMEDOUT, "pool " + pool + ": service call timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaosException(DaosStatus.CANCELED, "pool " + pool + ": interrupted");
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new DaosException(DaosStatus.SHUTDOWN, "pool " + pool + ": service is stopping");
    }
  }

  @FunctionalInterface
  private interface ServiceBody<T> {
    T run(PoolService svc);
  }

  /** A stored property as DAOS's engine answers it: strings as strval, svc_list as a ranged rank list. */
  static Optional<PoolProperty> toWire(Prop p) {
    PoolProperty.Builder b = PoolProperty.newBuilder().setNumber(p.getType());
    return switch (p.getValueCase()) {
      case STR -> Optional.of(p.getType() == SVC_LIST ? b.setStrval("[" + RankSet.parse(p.getStr()) + "]").build()
          : b.setStrval(p.getStr()).build());
      case NUM -> Optional.of(b.setNumval(p.getNum()).build());
      default -> Optional.empty();
    };
  }

  static Prop fromWire(PoolProperty p) {
    if (p.getNumber() == ACL) {
      throw new DaosException(DaosStatus.INVAL, "the pool ACL is set with the ACL commands, not set-prop");
    }
    Prop.Builder b = Prop.newBuilder().setType(p.getNumber());
    return switch (p.getValueCase()) {
      case STRVAL -> b.setStr(p.getStrval()).build();
      case NUMVAL -> b.setNum(p.getNumval()).build();
      default -> throw new DaosException(DaosStatus.INVAL, "pool property " + p.getNumber() + " has no value");
    };
  }

  static UUID uuid(String s, String what) {
    try {
      if (s.length() == 36) {
        return UUID.fromString(s);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw new DaosException(DaosStatus.INVAL, what + " UUID \"" + s + "\" is invalid");
  }
}
