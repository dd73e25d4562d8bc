package io.daos.engine.pool.svc;

import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.Prop;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The initial state of a pool service from the create request (DAOS {@code ds_pool_svc_dist_create} +
 * {@code init_pool_metadata}): pool map version 1 with every rank's targets UPIN, the property defaults overlaid
 * with the request's properties, owner, group and ACL. As one transaction guarded by the map key, so that every
 * replica may submit it and it applies once.
 */
public final class PoolInit {
  /** DAOS component state UPIN (pool_map.h). */
  static final int UPIN = 4;

  private PoolInit() {
  }

  /** The service ranks the MS chose, from the request's svc_list property (DAOS_PROP_PO_SVC_LIST). */
  public static List<Integer> svcRanks(PoolCreateReq req) {
    for (PoolProperty p : req.getPropertiesList()) {
      if (p.getNumber() == PoolProps.SVC_LIST) {
        return RankSet.parse(p.getStrval()).ints();
      }
    }
    return List.of();
  }

  /** The init transaction; {@code uris} gives the ranks' engine URIs known now (may be partial). */
  public static RdbTx tx(PoolCreateReq req, int targetsPerRank, Map<Integer, String> uris) {
    Map<Integer, String> domains = FaultDomains.decode(req.getFaultDomainsList(), req.getRanksList());
    TreeMap<Integer, Prop> props = new TreeMap<>();
    long rdFac = Math.min(PoolProps.REDUN_FAC_DEFAULT, Math.max(0, FaultDomains.count(domains) - 1));
    PoolProps.numericDefaults(rdFac).forEach(p -> props.put(p.getType(), p));
    props.put(PoolProps.LABEL, PoolProps.str(PoolProps.LABEL, PoolProps.LABEL_DEFAULT));
    props.put(PoolProps.OWNER, PoolProps.str(PoolProps.OWNER, orNobody(req.getUser())));
    props.put(PoolProps.OWNER_GROUP, PoolProps.str(PoolProps.OWNER_GROUP, orNobody(req.getUserGroup())));
    PoolAcl acl = req.getAclCount() == 0 ? PoolAcl.DEFAULT : PoolAcl.of(req.getAclList());
    props.put(PoolProps.ACL, PoolProps.raw(PoolProps.ACL, acl.encode()));
    for (PoolProperty p : req.getPropertiesList()) {
      Prop prop = fromRequest(p);
      if (prop.getType() == PoolProps.REDUN_FAC && prop.getNum() > FaultDomains.count(domains) - 1L) {
        throw new DaosException(DaosStatus.INVAL, "rd_fac " + prop.getNum() + " needs at least "
            + (prop.getNum() + 1) + " fault domains; the pool has " + FaultDomains.count(domains));
      }
      if (prop.getType() != PoolProps.SVC_LIST) {
        PoolProps.check(prop);
      }
      props.put(prop.getType(), prop);
    }
    RdbTx tx = new RdbTx().requireAbsent(PoolKeys.MAP);
    props.values().forEach(p -> tx.put(PoolKeys.prop(p.getType()), p.toByteArray()));
    return tx.put(PoolKeys.MAP, map(req.getRanksList(), domains, targetsPerRank, uris).toByteArray());
  }

  static PoolMap map(List<Integer> ranks, Map<Integer, String> domains, int targetsPerRank,
      Map<Integer, String> uris) {
    PoolMap.Builder m = PoolMap.newBuilder().setVersion(1);
    for (int rank : new java.util.TreeSet<>(ranks)) {
      PoolMapRank.Builder r = m.addRanksBuilder().setRank(rank)
          .setFaultDomain(domains.getOrDefault(rank, "/rank" + rank)).setUri(uris.getOrDefault(rank, ""));
      for (int t = 0; t < targetsPerRank; t++) {
        r.addTargets(PoolMapTarget.newBuilder().setState(UPIN).setFseq(1).setInVer(1));
      }
    }
    return m.build();
  }

  private static Prop fromRequest(PoolProperty p) {
    return switch (p.getValueCase()) {
      case STRVAL -> p.getNumber() == PoolProps.ACL
          ? PoolProps.raw(PoolProps.ACL, PoolAcl.of(List.of(p.getStrval().split("\n"))).encode())
          : PoolProps.str(p.getNumber(), p.getStrval());
      case NUMVAL -> PoolProps.num(p.getNumber(), p.getNumval());
      case BYTEVAL -> PoolProps.raw(p.getNumber(), p.getByteval().toByteArray());
      default -> throw new DaosException(DaosStatus.INVAL, "pool property " + p.getNumber() + " has no value");
    };
  }

  private static String orNobody(String s) {
    return s.isEmpty() ? "NOBODY@" : s;
  }
}
