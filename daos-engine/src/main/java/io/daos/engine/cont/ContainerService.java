package io.daos.engine.cont;

import static io.daos.engine.cont.ContProps.CO_ACL;
import static io.daos.engine.cont.ContProps.CO_LABEL;
import static io.daos.engine.cont.ContProps.CO_OWNER;
import static io.daos.engine.cont.ContProps.CO_OWNER_GROUP;

import io.daos.common.Hlc;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.PoolHandleInfo;
import io.daos.engine.pool.svc.ServiceReplica;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.cont.ContInfo;
import io.daos.proto.pool.ContSummary;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container service of one pool (DAOS {@code src/container/srv_container.c}) over the pool service's Rdb: create,
 * open, close, destroy, query, list; properties and ACL ({@link ContPropOps}); attributes, OIDs and snapshots
 * ({@link ContDataOps}). Every request first checks the pool handle (DER_NO_HDL). Calls must run on the replica's
 * executor, one at a time (read-check-commit sequences do not interleave); on a follower they fail with
 * DER_NOTLEADER.
 */
public final class ContainerService {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerService.class);

  final ServiceReplica replica;
  final ContStore store;
  final Hlc hlc;
  final TargetDestroyer targets;

  public ContainerService(ServiceReplica replica, TargetDestroyer targets, Hlc hlc) {
    this(replica, targets, hlc, p -> java.util.Optional.empty());
  }

  /** The pool maps this engine holds: what the RF checks ({@link #rfCheck}, open) read. */
  @FunctionalInterface
  public interface PoolMaps {
    java.util.Optional<io.daos.proto.pool.PoolMap> of(UUID pool);
  }

  final PoolMaps maps;

  public ContainerService(ServiceReplica replica, TargetDestroyer targets, Hlc hlc, PoolMaps maps) {
    this.maps = maps;
    this.replica = replica;
    this.store = new ContStore(replica.rdb());
    this.targets = targets;
    this.hlc = hlc;
  }

  /** What an open returns: the container's info and properties and the handle's capabilities. */
  public record Opened(ContInfo info, List<Prop> props, long capas) {
  }

  /** Properties and ACL operations. */
  public ContPropOps props() {
    return new ContPropOps(this);
  }

  /** Attribute, OID and snapshot operations. */
  public ContDataOps data() {
    return new ContDataOps(this);
  }

  /** The pool handle {@code hdl}, or DER_NO_HDL. */
  PoolHandleInfo poolHandle(byte[] hdl) {
    if (hdl == null || hdl.length != 16) {
      throw new DaosException(DaosStatus.NO_HDL, "the request names no pool handle (connect to the pool first)");
    }
    return replica.poolHandle(hdl);
  }

  /** The open container handle {@code hdl} (of container {@code cont} when that is non-null), or DER_NO_HDL. */
  ContHandleRecord contHandle(UUID hdl, UUID cont) {
    ContHandleRecord h = hdl == null ? null : store.handle(hdl);
    if (h == null || (cont != null && !cont.equals(h.cont()))) {
      throw new DaosException(DaosStatus.NO_HDL, "container handle " + hdl + " is not open in pool "
          + replica.poolUuid());
    }
    return h;
  }

  /** CONT_CREATE: a container with the client's UUID and properties (DER_EXIST / DER_INVAL as DAOS). */
  public void create(byte[] poolHdl, UUID cont, List<Prop> in) {
    PoolHandleInfo ph = poolHandle(poolHdl);
    if ((ph.capas() & PoolRpc.CAPA_CREATE_CONT) == 0) {
      throw new DaosException(DaosStatus.NO_PERM, "the pool handle may not create containers (ask the pool "
          + "owner for the 'c' or 'w' permission)");
    }
    TreeMap<Integer, Prop> props = ContPropRules.forCreate(in, replica, Identity.of(ph));
    String label = props.get(CO_LABEL).getStr();
    checkExistence(cont, label.equals(ContProps.LABEL_DEFAULT) ? null : label);
    RdbTx tx = new RdbTx().put(ContKeys.meta(cont), new ContMeta(0, hlc.now()).encode());
    props.values().forEach(p -> ContStore.putProp(tx, cont, p));
    if (!label.equals(ContProps.LABEL_DEFAULT)) {
      tx.put(ContKeys.label(label), cont.toString());
    }
    store.rdb().commit(tx);
    LOG.info("pool {}: created container {} (label {})", replica.poolUuid(), cont, label);
  }

  /** {@code cont_create_existence_check}. */
  private void checkExistence(UUID cont, String label) {
    boolean exists = store.exists(cont);
    UUID byLabel = label == null ? null : store.byLabel(label);
    if (byLabel != null && !byLabel.equals(cont) && exists) {
      throw new DaosException(DaosStatus.INVAL, "container " + cont + " exists, and label " + label
          + " belongs to container " + byLabel);
    }
    if (exists && label != null && byLabel == null) {
      throw new DaosException(DaosStatus.INVAL, "container " + cont + " exists with another label than " + label);
    }
    if (exists || byLabel != null) {
      throw new DaosException(DaosStatus.EXIST, byLabel != null && !exists
          ? "label " + label + " is already used by container " + byLabel : "container " + cont + " exists");
    }
  }

  /** CONT_OPEN / CONT_OPEN_BYLABEL with a client-chosen handle UUID. */
  public Opened open(byte[] poolHdl, UUID cont, String label, UUID hdl, long flags) {
    PoolHandleInfo ph = poolHandle(poolHdl);
    checkOpenFlags(flags);
    UUID c = store.resolve(cont, label);
    ContHandleRecord existing = store.handle(hdl);
    if (existing != null) {
      if (existing.flags() != flags || !existing.cont().equals(c)) {
        throw new DaosException(DaosStatus.EXIST, "container handle " + hdl + " is already open with other flags");
      }
      return opened(c, existing.capas());
    }
    long capas = capasFor(c, Identity.of(ph), flags);
    checkGranted(c, flags, capas);
    checkCompatible(c, flags);
    checkRf(c, flags);
    ContMeta m = store.meta(c);
    boolean noStat = (flags & (ContRpc.COO_RO | COO_RO_MDSTATS)) == (ContRpc.COO_RO | COO_RO_MDSTATS);
    ContHandleRecord rec = new ContHandleRecord(hdl, c, Uuids.fromBytes(poolHdl), flags, capas);
    RdbTx tx = new RdbTx().put(ContKeys.handle(hdl), rec.encode()).put(ContKeys.contHandle(c, hdl), new byte[0]);
    if (!noStat) {
      tx.put(ContKeys.meta(c), new ContMeta(hlc.now(), m.mtime()).encode());
    }
    store.rdb().commit(tx);
    LOG.debug("pool {}: container {} opened, handle {} flags {} capas {}", replica.poolUuid(), c, hdl, flags, capas);
    return opened(c, capas);
  }

  /**
   * {@code cont_open}'s RF check: a container that is UNCLEAN, or whose RF the pool map's failures since its status
   * version exceed, opens only with DAOS_COO_FORCE (else DER_RF).
   */
  private void checkRf(UUID c, long flags) {
    if (rfBroken(c) && (flags & ContRpc.COO_FORCE) == 0) {
      throw new DaosException(DaosStatus.RF, "container " + c + ": failures exceed its redundancy factor (RF "
          + "broken); open it with DAOS_COO_FORCE (daos --force), or clear its status with "
          + "'daos container set-prop <pool> <cont> status:healthy'");
    }
  }

  private boolean rfBroken(UUID c) {
    Map<Integer, Prop> p = store.props(c);
    long status = p.get(ContProps.CO_STATUS).getNum();
    if (ContProps.unclean(status)) {
      return true;
    }
    return maps.of(replica.poolUuid()).map(m -> ContProps.rfBroken(m, (int) status,
        p.get(ContProps.CO_REDUN_LVL).getNum(), p.get(ContProps.CO_REDUN_FAC).getNum())).orElse(false);
  }

  /** Each container's redundancy level (rd_lvl), which rebuild places its objects at. */
  public Map<UUID, Integer> redundancyLevels() {
    Map<UUID, Integer> out = new java.util.HashMap<>();
    for (UUID c : store.containers()) {
      out.put(c, (int) store.props(c).get(ContProps.CO_REDUN_LVL).getNum());
    }
    return out;
  }

  /** Each container's {@code ec_cell_sz} (records per EC cell), which rebuild re-creates lost EC shards with. */
  public Map<UUID, Long> ecCellSizes() {
    Map<UUID, Long> out = new java.util.HashMap<>();
    for (UUID c : store.containers()) {
      Prop p = store.props(c).get(ContProps.CO_EC_CELL_SZ);
      out.put(c, p == null ? 0L : p.getNum());
    }
    return out;
  }

  /**
   * The container service's check after a pool map change (DAOS {@code ds_cont_rf_check} over every container):
   * a healthy container whose RF the failures since its status version exceed becomes UNCLEAN at {@code map}'s
   * version, and its open handles are invalidated on the engines, whose next lookup of them gets DER_RF. Returns
   * the containers marked.
   */
  public List<UUID> rfCheck(io.daos.proto.pool.PoolMap map) {
    List<UUID> marked = new ArrayList<>();
    RdbTx tx = new RdbTx();
    for (UUID c : store.containers()) {
      Map<Integer, Prop> p = store.props(c);
      long status = p.get(ContProps.CO_STATUS).getNum();
      if (!ContProps.unclean(status) && ContProps.rfBroken(map, (int) status, p.get(ContProps.CO_REDUN_LVL).getNum(),
          p.get(ContProps.CO_REDUN_FAC).getNum())) {
        ContStore.putProp(tx, c, ContPropRules.num(ContProps.CO_STATUS,
            ContProps.statusValue(ContProps.STATUS_UNCLEAN, 0, map.getVersion())));
        marked.add(c);
      }
    }
    if (marked.isEmpty()) {
      return marked;
    }
    store.rdb().commit(tx);
    List<UUID> hdls = new ArrayList<>();
    for (UUID c : marked) {
      LOG.error("pool {}: container {} RF broken at map version {}: status UNCLEAN", replica.poolUuid(), c,
          map.getVersion());
      store.handles(c).forEach(h -> hdls.add(h.handle()));
    }
    if (!hdls.isEmpty()) {
      targets.invalidateHandles(replica.poolUuid(), hdls);
    }
    return marked;
  }

  /** {@code DAOS_COO_RO_MDSTATS}: an RO open that does not update the open time. */
  static final long COO_RO_MDSTATS = 16;

  private static void checkOpenFlags(long flags) {
    long base = flags & (ContRpc.COO_RO | ContRpc.COO_RW | ContRpc.COO_EX);
    if (Long.bitCount(base) != 1 || (flags & ~0xFFL) != 0) {
      throw new DaosException(DaosStatus.INVAL, "container open flags " + flags + " must hold exactly one of "
          + "RO (1), RW (2), EX (4), with FORCE (8) or RO_MDSTATS (16) optional");
    }
  }

  long capasFor(UUID c, Identity id, long flags) {
    Map<Integer, Prop> p = store.props(c);
    ContAcl acl = ContAcl.decode(p.get(CO_ACL).getRaw().toByteArray());
    return ContCapas.of(flags, id, p.get(CO_OWNER).getStr(), p.get(CO_OWNER_GROUP).getStr(), acl);
  }

  private void checkGranted(UUID c, long flags, long capas) {
    boolean exOk = (flags & ContRpc.COO_EX) == 0 || (capas & ContRpc.CAPA_OPEN_EX) != 0;
    boolean rwOk = (flags & ContRpc.COO_RW) == 0 || (capas & ContCapas.W_MASK) != 0;
    if (!exOk || !rwOk || (capas & ContCapas.RO_MASK) == 0) {
      throw new DaosException(DaosStatus.NO_PERM, "permission denied opening container " + c + " with flags "
          + flags + " (the container ACL grants this user no such access)");
    }
  }

  /** {@code check_hdl_compatibility}: EX conflicts with any handle, any open with an EX handle. */
  private void checkCompatible(UUID c, long flags) {
    List<ContHandleRecord> hs = store.handles(c);
    if (hs.isEmpty()) {
      return;
    }
    if ((flags & ContRpc.COO_EX) != 0 || hs.stream().anyMatch(h -> (h.flags() & ContRpc.COO_EX) != 0)) {
      throw new DaosException(DaosStatus.BUSY, "container " + c + " is open " + ((flags & ContRpc.COO_EX) != 0
          ? "already; an exclusive open needs it closed" : "exclusively by another handle"));
    }
  }

  private Opened opened(UUID c, long capas) {
    return new Opened(info(c), new ArrayList<>(store.props(c).values()), capas);
  }

  ContInfo info(UUID c) {
    TreeMap<Long, String> snaps = store.snapshots(c);
    ContMeta m = store.meta(c);
    String label = store.label(c);
    return ContInfo.newBuilder().setUuid(Uuids.toByteString(c)).setLatestSnapshot(snaps.isEmpty() ? 0 : snaps.lastKey())
        .setOpenHandles(store.handles(c).size()).setSnapshots(snaps.size()).setMdOtime(m.otime())
        .setMdMtime(m.mtime()).setLabel(label.equals(ContProps.LABEL_DEFAULT) ? "" : label).build();
  }

  /** CONT_CLOSE: closing a handle that is not open succeeds (DAOS: "already closed"). */
  public void close(byte[] poolHdl, UUID hdl) {
    poolHandle(poolHdl);
    ContHandleRecord h = store.handle(hdl);
    if (h == null) {
      return;
    }
    RdbTx tx = new RdbTx();
    ContStore.removeHandle(tx, h);
    store.rdb().commit(tx);
    targets.invalidateHandles(replica.poolUuid(), List.of(hdl));
  }

  /** Closes every container handle opened through pool handle {@code poolHdl} (pool disconnect / evict). */
  public int closeHandlesOf(UUID poolHdl) {
    RdbTx tx = new RdbTx();
    List<UUID> closed = new ArrayList<>();
    for (ContHandleRecord h : store.allHandles()) {
      if (h.poolHandle().equals(poolHdl)) {
        ContStore.removeHandle(tx, h);
        closed.add(h.handle());
      }
    }
    if (!closed.isEmpty()) {
      store.rdb().commit(tx);
      targets.invalidateHandles(replica.poolUuid(), closed);
    }
    return closed.size();
  }

  /**
   * CONT_DESTROY / CONT_DESTROY_BYLABEL: DER_BUSY while handles are open unless {@code force}, which evicts them;
   * the container leaves every target before it leaves the service.
   */
  public void destroy(byte[] poolHdl, UUID cont, String label, boolean force) {
    PoolHandleInfo ph = poolHandle(poolHdl);
    UUID c = store.resolve(cont, label);
    long asIf = (ph.flags() & PoolRpc.PC_RO) != 0 ? ContRpc.COO_RO : ContRpc.COO_RW;
    if ((ph.capas() & PoolRpc.CAPA_DEL_CONT) == 0 && (capasFor(c, Identity.of(ph), asIf) & ContRpc.CAPA_DELETE) == 0) {
      throw new DaosException(DaosStatus.NO_PERM, "permission denied destroying container " + c
          + " (needs the pool's 'd' or the container's 'd' permission)");
    }
    List<ContHandleRecord> hs = store.handles(c);
    if (!hs.isEmpty() && !force) {
      throw new DaosException(DaosStatus.BUSY, "container " + c + " has " + hs.size()
          + " open handle(s); close them or destroy with force");
    }
    targets.destroy(replica.poolUuid(), c);
    RdbTx tx = new RdbTx();
    hs.forEach(h -> ContStore.removeHandle(tx, h));
    String l = store.label(c);
    if (c.equals(store.byLabel(l))) {
      tx.delete(ContKeys.label(l));
    }
    store.rdb().commit(tx.deletePrefix(ContKeys.cont(c)));
    LOG.info("pool {}: destroyed container {} ({} handle(s) evicted)", replica.poolUuid(), c, hs.size());
  }

  /** CONT_QUERY: the container of handle {@code hdl}, the properties {@code bits} ask for ({@link ContQueryBits}). */
  public Opened query(byte[] poolHdl, UUID cont, UUID hdl, long bits) {
    poolHandle(poolHdl);
    ContHandleRecord h = contHandle(hdl, cont);
    List<Prop> props = ContQueryBits.select(new ArrayList<>(store.props(h.cont()).values()), bits, h.capas());
    return new Opened(info(h.cont()), props, h.capas());
  }

  /**
   * POOL_LIST_CONT: every container with its label (empty when unset). A request without a pool handle comes from
   * an engine acting for daos_server (pool destroy asks whether containers exist), as DAOS's mgmt path does.
   */
  public List<ContSummary> list(byte[] poolHdl) {
    if (poolHdl.length > 0) {
      poolHandle(poolHdl);
    }
    List<ContSummary> out = new ArrayList<>();
    for (UUID c : store.containers()) {
      String l = store.label(c);
      out.add(ContSummary.newBuilder().setUuid(Uuids.toByteString(c))
          .setLabel(l.equals(ContProps.LABEL_DEFAULT) ? "" : l).build());
    }
    return out;
  }

  /** What a target's aggregation needs: the container's snapshot epochs (ascending) and the pool's reclaim property. */
  public record AggregationView(List<Long> snapshots, long reclaim) {
  }

  /** CONT_SNAP_FETCH: {@link AggregationView} of container {@code c}; DER_NONEXIST if there is no such container. */
  public AggregationView aggregationView(UUID c) {
    if (!store.containers().contains(c)) {
      throw new DaosException(DaosStatus.NONEXIST, "container " + c + " does not exist");
    }
    long reclaim = replica.poolProp(io.daos.engine.pool.svc.PoolProps.RECLAIM)
        .filter(p -> p.getValueCase() == io.daos.proto.pool.Prop.ValueCase.NUM).map(io.daos.proto.pool.Prop::getNum)
        .orElse(1L);
    return new AggregationView(List.copyOf(store.snapshots(c).keySet()), reclaim);
  }

  /** CONT_TGT_QUERY: the open handle {@code hdl} for an engine that has not seen it, or DER_NO_HDL. */
  public ContHandleRecord lookupHandle(UUID hdl) {
    ContHandleRecord h = contHandle(hdl, null);
    if (ContProps.unclean(store.prop(h.cont(), ContProps.CO_STATUS).getNum())) {
      throw new DaosException(DaosStatus.RF, "container " + h.cont() + " is UNCLEAN (failures exceeded its "
          + "redundancy factor): no I/O until 'daos container set-prop <pool> <cont> status:healthy'");
    }
    return h;
  }

  void touch(RdbTx tx, UUID c) {
    tx.put(ContKeys.meta(c), new ContMeta(store.meta(c).otime(), hlc.now()).encode());
  }

}
