package io.daos.engine.pool.svc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.DaemonThreads;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.rdb.Rdb;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.Prop;
import io.daos.rpc.PoolRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One pool's service on this engine (DAOS {@code ds_pool_svc}): pool map, properties, ACL, user attributes and
 * connected handles, all in the service's {@link Rdb}. Methods that read and then commit must run on
 * {@link #executor()}; they throw DaosException (DER_NOTLEADER on a follower, DER_NONEXIST before the service
 * state is initialised).
 */
public final class PoolService implements ServiceReplica, AutoCloseable {
  private final UUID pool;
  private final Rdb rdb;
  private final Supplier<List<Integer>> replicas;
  private final ExecutorService executor;
  private volatile int mapVersion;
  private volatile HandlesClosing closing = (svc, hdls) -> { };

  /**
   * Told, on the replica's executor, of pool handles about to go (disconnect, evict) so the container service closes
   * the container handles opened through them first, as DAOS's {@code ds_cont_close_by_pool_hdls}.
   */
  @FunctionalInterface
  public interface HandlesClosing {
    void closing(ServiceReplica svc, List<UUID> poolHandles);
  }

  public PoolService(UUID pool, Rdb rdb, Supplier<List<Integer>> replicas) {
    this.pool = pool;
    this.rdb = rdb;
    this.replicas = replicas;
    this.executor = Executors.newSingleThreadExecutor(DaemonThreads.named("psvc-" + pool.toString().substring(0, 8)));
  }

  @Override
  public UUID poolUuid() {
    return pool;
  }

  @Override
  public Rdb rdb() {
    return rdb;
  }

  @Override
  public ExecutorService executor() {
    return executor;
  }

  /** The map version last read by this replica (0 before the first read). */
  @Override
  public int mapVersion() {
    return mapVersion;
  }

  @Override
  public List<Integer> replicas() {
    return replicas.get();
  }

  /** Whether the service state has been initialised (the pool exists). */
  public boolean initialized() {
    return rdb.get(PoolKeys.MAP) != null;
  }

  /** Initialises the service state from {@code init} unless it already is (idempotent; any replica). */
  public void initialize(RdbTx init) {
    rdb.propose(init);
  }

  public PoolMap map() {
    byte[] b = rdb.get(PoolKeys.MAP);
    if (b == null) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " does not exist (service not initialised)");
    }
    try {
      PoolMap m = PoolMap.parseFrom(b);
      mapVersion = m.getVersion();
      return m;
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.IO, "pool " + pool + ": stored pool map is corrupt", e);
    }
  }

  /**
   * Changes the pool map with {@code change} (DAOS {@code pool_svc_update_map_internal}): reads the committed map,
   * and when the changed map has a newer version writes it in one rdb commit. Returns the map as it is after (the
   * committed one when nothing changed). Leader only, on {@link #executor()}.
   */
  public PoolMap changeMap(java.util.function.UnaryOperator<PoolMap> change) {
    PoolMap before = map();
    PoolMap after = change.apply(before);
    if (after.getVersion() <= before.getVersion()) {
      return before;
    }
    rdb.commit(new RdbTx().put(PoolKeys.MAP, after.toByteArray()));
    mapVersion = after.getVersion();
    return after;
  }

  /** The pool's self_heal property (DAOS_SELF_HEAL_* bits; DAOS's default when unset). */
  /** The pool's {@code reintegration} property: {@link PoolProps#REINT_DATA_SYNC} (default), incremental, none. */
  public long reintMode() {
    return poolProp(PoolProps.REINT_MODE).map(Prop::getNum).orElse((long) PoolProps.REINT_DATA_SYNC);
  }

  public long selfHeal() {
    return poolProp(PoolProps.SELF_HEAL).map(Prop::getNum)
        .orElse(PoolProps.SELF_HEAL_AUTO_EXCLUDE | PoolProps.SELF_HEAL_AUTO_REBUILD);
  }

  @Override
  public PoolHandleInfo poolHandle(byte[] hdl) {
    UUID id = Uuids.required(hdl, "pool handle");
    byte[] b = rdb.get(PoolKeys.handle(id));
    if (b == null) {
      throw new DaosException(DaosStatus.NO_HDL, "pool " + pool + " has no handle " + id);
    }
    return HandleCodec.decode(id, b);
  }

  public List<PoolHandleInfo> handles() {
    List<PoolHandleInfo> out = new ArrayList<>();
    rdb.scan(PoolKeys.HDL_PREFIX).forEach((k, v) ->
        out.add(HandleCodec.decode(UUID.fromString(k.substring(PoolKeys.HDL_PREFIX.length())), v)));
    return out;
  }

  @Override
  public Optional<Prop> poolProp(int type) {
    return prop(type, rdb.get(PoolKeys.prop(type)));
  }

  /**
   * Property {@code type} as this replica has it, leader or not (DAOS's pool clues read the local rdb): the
   * checker asks every replica right after the engines restarted, before any election.
   */
  public Optional<Prop> localPoolProp(int type) {
    return prop(type, rdb.getLocal(PoolKeys.prop(type)));
  }

  private Optional<Prop> prop(int type, byte[] b) {
    try {
      return b == null ? Optional.empty() : Optional.of(Prop.parseFrom(b));
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.IO, "pool " + pool + ": stored property " + type + " is corrupt", e);
    }
  }

  /** The properties of the given types (all when empty), in type order. */
  public List<Prop> props(List<Integer> types) {
    map();
    List<Prop> out = new ArrayList<>();
    if (types.isEmpty()) {
      rdb.scan(PoolKeys.PROP_PREFIX).values().forEach(v -> out.add(parseProp(v)));
      return out;
    }
    for (int t : types) {
      out.add(poolProp(t).orElseThrow(() -> new DaosException(DaosStatus.NONEXIST, "pool " + pool
          + " has no property " + t)));
    }
    return out;
  }

  public void setProps(List<Prop> props) {
    map();
    RdbTx tx = new RdbTx();
    for (Prop p : props) {
      PoolProps.check(p);
      tx.put(PoolKeys.prop(p.getType()), p.toByteArray());
    }
    rdb.commit(tx);
  }

  /**
   * Connects handle {@code hdl} for {@code who} with {@code flags} (DAOS_PC_*): checks the ACL (DER_NO_PERM) and
   * exclusive handles (DER_BUSY), records the handle; reconnecting an existing handle returns it. Returns the
   * handle as recorded.
   */
  public PoolHandleInfo connect(UUID hdl, Identity who, long flags) {
    map();
    checkFlags(flags);
    byte[] existing = rdb.get(PoolKeys.handle(hdl));
    if (existing != null) {
      return HandleCodec.decode(hdl, existing);
    }
    long capas = PoolCapas.filter(flags, PoolCapas.fromPermissions(acl().permissions(who, str(PoolProps.OWNER),
        str(PoolProps.OWNER_GROUP))));
    if (capas == 0) {
      throw new DaosException(DaosStatus.NO_PERM, who.user() + " may not connect to pool " + pool
          + " with flags " + flags);
    }
    List<PoolHandleInfo> open = handles();
    boolean exclusive = (flags & PoolRpc.PC_EX) != 0;
    if (open.stream().anyMatch(h -> (h.flags() & PoolRpc.PC_EX) != 0) || exclusive && !open.isEmpty()) {
      throw new DaosException(DaosStatus.BUSY, "pool " + pool + " has " + open.size() + " open handles and "
          + (exclusive ? "an exclusive connect was asked for" : "one of them is exclusive"));
    }
    PoolHandleInfo info = new PoolHandleInfo(hdl, flags, capas, who.user(), who.group(), who.groups(), who.machine());
    rdb.commit(new RdbTx().put(PoolKeys.handle(hdl), HandleCodec.encode(info)));
    return info;
  }

  /** Where {@link #disconnect} and {@link #evict} report the pool handles they remove. */
  public void onHandlesClosing(HandlesClosing l) {
    closing = l;
  }

  /**
   * Forgets handle {@code hdl} and closes the container handles opened through it; an unknown handle is already
   * disconnected (idempotent, as DAOS).
   */
  public void disconnect(UUID hdl) {
    if (rdb.get(PoolKeys.handle(hdl)) != null) {
      closing.closing(this, List.of(hdl));
      rdb.commit(new RdbTx().delete(PoolKeys.handle(hdl)));
    }
  }

  /**
   * Evicts handles: those listed (all when empty), only from {@code machine} when set. For a destroy, open handles
   * give DER_BUSY unless forced. Returns how many were evicted.
   */
  public int evict(List<UUID> only, String machine, boolean destroy, boolean force) {
    map();
    List<PoolHandleInfo> victims = handles().stream().filter(h -> only.isEmpty() || only.contains(h.handle()))
        .filter(h -> machine.isEmpty() || machine.equals(h.machine())).toList();
    if (destroy && !force && !victims.isEmpty()) {
      throw new DaosException(DaosStatus.BUSY, "pool " + pool + " has " + victims.size() + " open handles; "
          + "disconnect them or force the destroy");
    }
    if (!victims.isEmpty()) {
      closing.closing(this, victims.stream().map(PoolHandleInfo::handle).toList());
      RdbTx tx = new RdbTx();
      victims.forEach(h -> tx.delete(PoolKeys.handle(h.handle())));
      rdb.commit(tx);
    }
    return victims.size();
  }

  public PoolAcl acl() {
    return poolProp(PoolProps.ACL).map(p -> PoolAcl.decode(p.getRaw().toByteArray())).orElse(PoolAcl.DEFAULT);
  }

  public void updateAcl(List<String> aces, boolean overwrite) {
    map();
    PoolAcl update = PoolAcl.of(aces);
    PoolAcl next = overwrite ? update : acl().merge(update);
    rdb.commit(new RdbTx().put(PoolKeys.prop(PoolProps.ACL), PoolProps.raw(PoolProps.ACL, next.encode())
        .toByteArray()));
  }

  public void deleteAcl(String principal) {
    map();
    PoolAcl next = acl().remove(principal);
    rdb.commit(new RdbTx().put(PoolKeys.prop(PoolProps.ACL), PoolProps.raw(PoolProps.ACL, next.encode())
        .toByteArray()));
  }

  /** The user attributes asked for (all when {@code names} is empty); DER_NONEXIST for a missing one. */
  public Map<String, byte[]> attrs(List<String> names) {
    map();
    Map<String, byte[]> out = new TreeMap<>();
    if (names.isEmpty()) {
      rdb.scan(PoolKeys.ATTR_PREFIX).forEach((k, v) -> out.put(k.substring(PoolKeys.ATTR_PREFIX.length()), v));
      return out;
    }
    for (String n : names) {
      byte[] v = rdb.get(PoolKeys.attr(checkName(n)));
      if (v == null) {
        throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " has no attribute \"" + n + "\"");
      }
      out.put(n, v);
    }
    return out;
  }

  public void setAttrs(Map<String, byte[]> attrs) {
    map();
    RdbTx tx = new RdbTx();
    attrs.forEach((k, v) -> tx.put(PoolKeys.attr(checkName(k)), v));
    rdb.commit(tx);
  }

  public void deleteAttrs(List<String> names) {
    map();
    RdbTx tx = new RdbTx();
    names.forEach(n -> tx.delete(PoolKeys.attr(checkName(n))));
    rdb.commit(tx);
  }

  private String str(int type) {
    return poolProp(type).map(Prop::getStr).orElse("");
  }

  private static Prop parseProp(byte[] b) {
    try {
      return Prop.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.IO, "stored pool property is corrupt", e);
    }
  }

  private static String checkName(String n) {
    if (n.isEmpty() || n.length() > 255) {
      throw new DaosException(DaosStatus.INVAL, "attribute names must have 1 to 255 characters");
    }
    return n;
  }

  private static void checkFlags(long flags) {
    long mode = flags & (PoolRpc.PC_RO | PoolRpc.PC_RW | PoolRpc.PC_EX);
    if (Long.bitCount(mode) != 1) {
      throw new DaosException(DaosStatus.INVAL, "connect flags " + flags + " must have exactly one of "
          + "DAOS_PC_RO, DAOS_PC_RW, DAOS_PC_EX");
    }
  }


  /** Stops the service thread; the database replica is closed by its owner. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
