package io.daos.server.mgmt.pool;

import io.daos.common.ranklist.RankSet;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.errors.PoolNotFoundException;
import io.daos.proto.mgmt.ListPoolsReq;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.svc.PoolDrpcs;
import io.daos.server.mgmt.svc.PoolEngines;
import io.daos.server.sysdb.PoolLock;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import io.daos.server.sysdb.PoolServiceStorage;
import io.daos.server.system.MemberState;
import io.daos.server.system.SystemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS's pool RPCs (DAOS server/mgmt_pool.go): PoolCreate and PoolDestroy (leader only, serialized),
 * ListPools and PoolQuery (any replica, answered from the pool service records).
 */
public final class PoolHandler {
  static final int LABEL_PROP = 1;
  /** DAOS_PROP_PO_SVC_LIST: the MS tells the engines the service ranks it chose. */
  static final int SVC_LIST_PROP = 8;
  /** DAOS_PROP_PO_REDUN_FAC. */
  static final int REDUN_FAC_PROP = 11;
  /** DAOS_PROP_PO_SVC_REDUN_FAC. */
  static final int SVC_RF_PROP = 19;
  static final int MAX_SVC_REPS = 9;
  private static final Logger LOG = LoggerFactory.getLogger(PoolHandler.class);

  private final MsAccess access;
  private final PoolEngines engines;
  private final PoolSvcHandler svc;
  private final io.daos.server.system.SystemProperties sysProps;

  public PoolHandler(MsContext ctx) {
    this.access = ctx.access();
    this.engines = ctx.poolEngines().orElse(null);
    this.svc = new PoolSvcHandler(ctx);
    this.sysProps = ctx.systemProperties();
  }

  /** PoolCreate (leader): validates, records Creating, asks the engines (dRPC 207), records Ready. */
  public PoolCreateResp poolCreate(PoolCreateReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    UUID uuid = parseUuid(req.getUuid());
    try {
      PoolLock lock = takeLock(ms, uuid);
      try {
        return create(ms, uuid, req);
      } finally {
        releaseQuietly(ms, lock);
      }
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** DAOS TakePoolLock, in the replicated MS state; held: DAOS's FaultPoolLocked, which clients retry. */
  static PoolLock takeLock(MsAccess.Ms ms, UUID uuid) {
    try {
      return ms.db().takePoolLock(uuid);
    } catch (SystemException e) {
      if (e.kind() == SystemException.Kind.POOL_LOCKED) {
        throw PoolFaults.poolLocked(e.getMessage());
      }
      throw e;
    }
  }

  static void releaseQuietly(MsAccess.Ms ms, PoolLock lock) {
    try {
      ms.db().releasePoolLock(lock);
    } catch (RuntimeException e) {
      LOG.warn("pool {}: lock {} not released (a new leader clears it): {}", lock.poolUuid(), lock.id(),
          e.getMessage());
    }
  }

  private PoolCreateResp create(MsAccess.Ms ms, UUID uuid, PoolCreateReq req) {
    Optional<PoolService> existing = ms.db().findPoolServiceByUuid(uuid);
    if (existing.isPresent()) {
      return existingPool(ms, existing.get());
    }
    String label = checkLabel(ms, req);
    List<Integer> ranks = selectRanks(ms, req);
    int maxSvc = Math.min(ranks.size(), MAX_SVC_REPS);
    if (req.getNumSvcReps() > maxSvc) {
      throw PoolFaults.invalidServiceReps(maxSvc);
    }
    PoolEngines eng = requireEngines();
    Map<Integer, List<String>> domains = domains(ms, ranks);
    checkRedunFac(req, domains);
    if (!eng.mdOnSsd() && req.getMemRatio() > 0) {
      throw PoolFaults.memRatioNoRoles();
    }
    List<Long> tiers = PoolSizing.perRankTierBytes(req, ranks.size(), eng.targetCount(), eng.hasBlockDevices());
    List<Integer> svc = PoolSvcRanks.select(domains.entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> String.join("/", e.getValue()))), PoolSvcRanks.count(req.getNumSvcReps(),
        svcRf(req), ranks.size()));
    PoolCreateReq engineReq = req.toBuilder().clearRanks().addAllRanks(ranks).clearTierBytes().addAllTierBytes(tiers)
        .clearTierRatio().setTotalBytes(0).setNumRanks(0).setNumSvcReps(svc.size()).clearFaultDomains()
        .addAllFaultDomains(PoolFaultDomains.compress(domains))
        .addProperties(PoolProperty.newBuilder().setNumber(SVC_LIST_PROP).setStrval(RankSet.ofInts(svc).toString()))
        .build();
    PoolService ps = PoolService.creating(uuid, label,
        new PoolServiceStorage(RankSet.ofInts(ranks).toString(), tiers, req.getMemRatio()));
    ms.db().addPoolService(ps);
    PoolCreateResp resp;
    try {
      resp = PoolDrpcs.create(eng, ranks, svc, engineReq);
    } catch (RuntimeException e) {
      removeQuietly(ms, uuid);
      throw e;
    }
    if (resp.getStatus() != 0) {
      removeQuietly(ms, uuid);
      return resp;
    }
    ms.db().updatePoolService(ps.withReplicas(resp.getSvcRepsList()).withState(PoolServiceState.READY));
    LOG.info("pool {} ({}) created on ranks {}", uuid, label, RankSet.ofInts(ranks));
    return resp;
  }

  /** Each rank's fault-domain levels from its member record (none known: the rank is its own domain). */
  static Map<Integer, List<String>> domains(MsAccess.Ms ms, List<Integer> ranks) {
    Map<Integer, List<String>> out = new TreeMap<>();
    for (int r : ranks) {
      List<String> d = ms.db().findMemberByRank(r).map(m -> m.faultDomain() == null ? List.<String>of()
          : m.faultDomain().domains()).orElse(List.of());
      out.put(r, d.isEmpty() ? List.of("rank" + r) : d);
    }
    return out;
  }

  /** DAOS PoolCreate: rd_fac needs rd_fac + 1 fault domains among the pool's ranks. */
  static void checkRedunFac(PoolCreateReq req, Map<Integer, List<String>> domains) {
    Optional<PoolProperty> rf = req.getPropertiesList().stream().filter(p -> p.getNumber() == REDUN_FAC_PROP)
        .findFirst();
    if (rf.isEmpty()) {
      return;
    }
    int rdFac = (int) rf.get().getNumval();
    int n = (int) domains.values().stream().map(d -> String.join("/", d)).distinct().count();
    if (rdFac + 1 > n) {
      throw PoolFaults.tooFewFaultDomains(rdFac, n);
    }
  }

  private static long svcRf(PoolCreateReq req) {
    return req.getPropertiesList().stream().filter(p -> p.getNumber() == SVC_RF_PROP).mapToLong(p -> p.getNumval())
        .findFirst().orElse(PoolSvcRanks.DEFAULT_SVC_RF);
  }

  private PoolCreateResp existingPool(MsAccess.Ms ms, PoolService ps) {
    if (ps.state() != PoolServiceState.READY) {
      return PoolCreateResp.newBuilder().setStatus(DaosStatus.AGAIN.code()).build();
    }
    return PoolCreateResp.newBuilder().setSvcLdr(ps.replicas().isEmpty() ? 0 : ps.replicas().get(0))
        .addAllSvcReps(ps.replicas()).addAllTgtRanks(RankSet.parse(ps.storage().creationRankStr()).ints())
        .addAllTierBytes(ps.storage().perRankTierStorage()).build();
  }

  private static String checkLabel(MsAccess.Ms ms, PoolCreateReq req) {
    String label = req.getPropertiesList().stream().filter(p -> p.getNumber() == LABEL_PROP)
        .map(p -> p.getStrval()).findFirst().orElse("");
    if (label.isEmpty()) {
      throw PoolFaults.noLabel();
    }
    if (ms.db().findPoolServiceByLabel(label).isPresent()) {
      throw PoolFaults.duplicateLabel(label);
    }
    return label;
  }

  private static List<Integer> selectRanks(MsAccess.Ms ms, PoolCreateReq req) {
    List<Integer> all = new ArrayList<>(ms.db().memberRanks(MemberState.AVAILABLE_FILTER));
    List<Integer> out;
    if (req.getRanksCount() > 0) {
      out = RankSet.ofInts(req.getRanksList()).ints();
      List<Integer> invalid = out.stream().filter(r -> !all.contains(r)).toList();
      if (!invalid.isEmpty()) {
        throw PoolFaults.invalidRanks(invalid);
      }
    } else {
      int n = all.size();
      if (req.getNumRanks() > 0) {
        n = req.getNumRanks();
        if (n > all.size()) {
          throw PoolFaults.invalidNumRanks(n, all.size());
        }
        Collections.shuffle(all);
      }
      out = new ArrayList<>(all.subList(0, n));
      Collections.sort(out);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("pool request contains zero target ranks");
    }
    return List.copyOf(out);
  }

  /** PoolDestroy (leader): marks Destroying, asks the engines (dRPC 208), removes the record. */
  public PoolDestroyResp poolDestroy(PoolDestroyReq req) {
    MsAccess.Ms ms = access.checkLeader(req.getSys());
    try {
      PoolService ps = lookup(ms, req.getId());
      PoolLock lock = takeLock(ms, ps.poolUuid());
      try {
        return destroy(ms, ms.db().findPoolServiceByUuid(ps.poolUuid()).orElse(ps), req);
      } finally {
        releaseQuietly(ms, lock);
      }
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /**
   * DAOS checkPools, run by a new leader: clears the pool locks of the old leadership, then finishes off every pool
   * left in Creating or Destroying (its create or destroy died with the old leader) by destroying its targets on
   * the engines and removing its record. Returns the pools destroyed.
   */
  public List<UUID> checkPools() {
    MsAccess.Ms ms = access.checkLeader(access.systemName());
    ms.db().clearPoolLocks();
    List<UUID> done = new ArrayList<>();
    for (PoolService ps : ms.db().poolServices(true)) {
      if (ps.state() == PoolServiceState.READY) {
        continue;
      }
      LOG.error("pool {} is in unexpected state {}", ps.poolUuid(), ps.state());
      PoolLock lock;
      try {
        lock = takeLock(ms, ps.poolUuid());
      } catch (io.daos.common.fault.Fault locked) {
        LOG.info("pool {} not cleaned up due to err: {}", ps.poolUuid(), locked.getMessage());
        continue;
      }
      try {
        if (finishOff(ms, ps).getStatus() == 0) {
          done.add(ps.poolUuid());
        }
      } catch (RuntimeException e) {
        LOG.error("pool {}: cleanup failed: {}", ps.poolUuid(), e.getMessage());
      } finally {
        releaseQuietly(ms, lock);
      }
    }
    return done;
  }

  private PoolDestroyResp finishOff(MsAccess.Ms ms, PoolService ps) {
    PoolService destroying = ps.withState(PoolServiceState.DESTROYING);
    if (ps.state() != PoolServiceState.DESTROYING) {
      ms.db().updatePoolService(destroying);
    }
    return destroy(ms, destroying, PoolDestroyReq.newBuilder().setSys(access.systemName())
        .setId(ps.poolUuid().toString()).setForce(true).setRecursive(true).build());
  }

  private PoolDestroyResp destroy(MsAccess.Ms ms, PoolService found, PoolDestroyReq req) {
    PoolService ps = found;
    if (ps.state() != PoolServiceState.DESTROYING) {
      Optional<PoolDestroyResp> refused = beforeDestroy(ms, ps, req);
      if (refused.isPresent()) {
        return refused.get();
      }
      ps = ms.db().findPoolServiceByUuid(ps.poolUuid()).orElse(ps);
    }
    // DAOS sends the group map's ranks ("blind": not the pool's, not only the up ones), and the group map leaves
    // out excluded members: a dead rank that SWIM had excluded would fail the engine's fan-out with DER_OOG.
    List<Integer> all = ms.db().memberRanks(MemberState.NON_EXCLUDED_FILTER);
    PoolDestroyReq engineReq = req.toBuilder().setId(ps.poolUuid().toString()).clearSvcRanks()
        .addAllSvcRanks(all).build();
    List<Integer> targets = RankSet.parse(ps.storage().creationRankStr()).ints();
    PoolDestroyResp resp = PoolDrpcs.destroy(requireEngines(), targets, engineReq);
    if (resp.getStatus() == 0) {
      removeQuietly(ms, ps.poolUuid());
      LOG.info("pool {} ({}) destroyed", ps.poolUuid(), ps.poolLabel());
    } else {
      LOG.error("PoolDestroy dRPC call failed: {}", DaosStatus.fromCode(resp.getStatus()));
    }
    return resp;
  }

  /**
   * DAOS's steps before a destroy: unless recursive, refuse a pool with containers; evict the handles (busy
   * unless forced); mark the record Destroying when forced or when the eviction did not find the pool busy or its
   * service down. A non-zero eviction status ends a destroy that is not forced.
   */
  private Optional<PoolDestroyResp> beforeDestroy(MsAccess.Ms ms, PoolService ps, PoolDestroyReq req) {
    if (!req.getRecursive()) {
      io.daos.proto.mgmt.ListContResp conts = svc.listContainers(ps, req.getSys());
      if (conts.getStatus() != 0) {
        LOG.error("ListContainers during pool destroy failed: {}", DaosStatus.fromCode(conts.getStatus()));
        return Optional.of(PoolDestroyResp.newBuilder().setStatus(conts.getStatus()).build());
      }
      if (conts.getContainersCount() > 0) {
        throw PoolFaults.hasContainers();
      }
    }
    int evStatus;
    try {
      evStatus = svc.evict(ps, io.daos.proto.mgmt.PoolEvictReq.newBuilder().setSys(req.getSys())
          .setId(ps.poolUuid().toString()).setDestroy(true).setForceDestroy(req.getForce()).build()).getStatus();
    } catch (RuntimeException e) {
      if (!req.getForce()) {
        throw e;
      }
      LOG.warn("pool {}: evict before forced destroy failed: {}", ps.poolUuid(), e.getMessage());
      evStatus = DaosStatus.MISC.code();
    }
    if (req.getForce() || evStatus != DaosStatus.BUSY.code() && evStatus != DaosStatus.NO_SERVICE.code()) {
      ms.db().updatePoolService(ps.withState(PoolServiceState.DESTROYING));
    }
    if (evStatus != 0 && !req.getForce()) {
      LOG.error("PoolEvict during pool destroy failed: {}", DaosStatus.fromCode(evStatus));
      return Optional.of(PoolDestroyResp.newBuilder().setStatus(evStatus).build());
    }
    return Optional.empty();
  }

  /** ListPools (any replica): every pool record. */
  public ListPoolsResp listPools(ListPoolsReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    ListPoolsResp.Builder resp = ListPoolsResp.newBuilder();
    for (PoolService ps : ms.db().poolServices(true)) {
      resp.addPoolsBuilder().setUuid(ps.poolUuid().toString()).setLabel(ps.poolLabel())
          .addAllSvcReps(ps.replicas()).setState(ps.state().toString());
    }
    return resp.setDataVersion(ms.db().dataVersion()).build();
  }

  /**
   * PoolQuery (any replica): asks every target rank's engine (dRPC 223) and merges their answers; a zero
   * query mask means DAOS's default mask.
   */
  public PoolQueryResp poolQuery(PoolQueryReq req) {
    MsAccess.Ms ms = access.checkReplica(req.getSys());
    try {
      PoolService ps = lookup(ms, req.getId());
      if (ps.state() != PoolServiceState.READY) {
        throw new DaosException(DaosStatus.AGAIN);
      }
      long mask = req.getQueryMask() == 0 ? PoolQueries.DEFAULT_MASK : req.getQueryMask();
      PoolQueryReq engineReq = req.toBuilder().setId(ps.poolUuid().toString()).setQueryMask(mask).build();
      PoolQueryResp resp = PoolDrpcs.query(requireEngines(), ps, engineReq);
      String selfHeal = io.daos.server.system.Membership.DEFAULT_SELF_HEAL;
      if ((mask & io.daos.common.PoolQueryMask.SELF_HEAL_POLICY) != 0) {
        selfHeal = sysSelfHeal(ms);
      }
      return resp.toBuilder().setSysSelfHealPolicy(selfHeal).build();
    } catch (RuntimeException e) {
      throw access.translate(e);
    }
  }

  /** The system self_heal property (DAOS getSysSelfHeal); its default when unset. */
  private String sysSelfHeal(MsAccess.Ms ms) {
    String key = io.daos.server.system.SystemProperties.SELF_HEAL;
    String v = sysProps.values(ms.db().getSystemAttrs(List.of()), List.of(key)).get(key);
    return v == null || v.isEmpty() ? io.daos.server.system.Membership.DEFAULT_SELF_HEAL : v;
  }

  public static PoolService lookup(MsAccess.Ms ms, String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("empty pool id");
    }
    UUID uuid = tryUuid(id);
    if (uuid == null) {
      return ms.db().findPoolServiceByLabel(id).orElseThrow(() -> PoolNotFoundException.byLabel(id));
    }
    return ms.db().findPoolServiceByUuid(uuid).orElseThrow(() -> PoolNotFoundException.byUuid(id));
  }

  private PoolEngines requireEngines() {
    if (engines == null) {
      throw new IllegalStateException("harness has no managed instances");
    }
    return engines;
  }

  private static void removeQuietly(MsAccess.Ms ms, UUID uuid) {
    try {
      ms.db().removePoolService(uuid);
    } catch (RuntimeException e) {
      LOG.warn("removing pool service record {}: {}", uuid, e.getMessage());
    }
  }

  public static UUID parseUuid(String s) {
    UUID u = tryUuid(s);
    if (u == null) {
      throw new IllegalArgumentException("failed to parse pool UUID \"" + s + "\"");
    }
    return u;
  }

  public static UUID tryUuid(String s) {
    try {
      return s != null && s.length() == 36 ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
