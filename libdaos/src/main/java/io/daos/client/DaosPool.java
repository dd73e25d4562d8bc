package io.daos.client;

import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.client.pool.ContainerSummary;
import io.daos.client.pool.PoolInfo;
import io.daos.client.pool.PoolMapCache;
import io.daos.client.pool.ServiceClient;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.Ids;
import io.daos.common.Uuids;
import io.daos.placement.PoolMap;
import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.proto.pool.AttrNames;
import io.daos.proto.pool.AttrReply;
import io.daos.proto.pool.AttrSet;
import io.daos.proto.pool.PoolConnectReply;
import io.daos.proto.pool.PoolListContReply;
import io.daos.proto.pool.PoolListContReq;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolOpReply;
import io.daos.proto.pool.PoolQueryReply;
import io.daos.proto.pool.PoolQueryReq;
import io.daos.proto.pool.Prop;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A connected pool handle ({@code daos_handle_t} of {@code daos_pool_connect}): query, containers, attributes and
 * the pool map that object placement uses. Every operation has a blocking form and an {@code *Async} form; the
 * blocking one waits for the async one.
 */
public final class DaosPool implements UserAttributes, AutoCloseable {
  /** Connect flags ({@code DAOS_PC_RO / RW / EX}). */
  public static final int RO = 1;
  public static final int RW = 2;
  public static final int EX = 4;

  private final ClientContext ctx;
  private final ServiceClient svc;
  private final UUID uuid;
  private final UUID handle;
  private final String label;
  private final int flags;
  private final PoolOp op;
  private final PoolMapCache map;
  private final Map<Integer, Prop> props;
  private final Containers containers;

  DaosPool(ClientContext ctx, ServiceClient svc, UUID uuid, UUID handle, String label, int flags,
      PoolConnectReply reply) {
    this.ctx = ctx;
    this.svc = svc;
    this.uuid = uuid;
    this.handle = handle;
    this.flags = flags;
    this.op = PoolOp.newBuilder().setPoolUuid(Uuids.toByteString(uuid)).setPoolHdl(Uuids.toByteString(handle)).build();
    this.map = new PoolMapCache(svc, op, ctx.rpc().uris());
    this.props = Map.copyOf(reply.getPropsList().stream()
        .collect(java.util.stream.Collectors.toMap(Prop::getType, p -> p, (a, b) -> b)));
    Prop lbl = props.get(PropType.PO_LABEL);
    this.label = lbl != null && lbl.hasStr() ? lbl.getStr() : label;
    map.offer(reply.getMap());
    svc.onMapVersion(map::observe);
    this.containers = new Containers(this);
  }

  public UUID uuid() {
    return uuid;
  }

  /** The pool handle UUID this connection chose. */
  public UUID handle() {
    return handle;
  }

  public String label() {
    return label;
  }

  /** The connect flags ({@code DAOS_PC_*}). */
  public int flags() {
    return flags;
  }

  /** The pool map the client holds (placement input). */
  public PoolMap poolMap() {
    PoolMap m = map.get();
    if (m == null) {
      throw new io.daos.common.status.DaosException(io.daos.common.status.DaosStatus.NO_HDL, "pool " + label
          + ": the service sent no pool map; refresh it with refreshMap()");
    }
    return m;
  }

  public int mapVersion() {
    return map.version();
  }

  /** The pool's redundancy factor property (container default), 0 when the service did not send it. */
  public int redundancyFactor() {
    Prop p = props.get(PropType.PO_REDUN_FAC);
    return p == null ? 0 : (int) p.getNum();
  }

  /** The pool's {@code ec_cell_sz} property, 0 when the service did not send it. */
  public long ecCellSize() {
    Prop p = props.get(PropType.PO_EC_CELL_SZ);
    return p == null ? 0 : p.getNum();
  }

  // --- query -------------------------------------------------------------------------------------------------

  public PoolInfo query() {
    return Futures.join(queryAsync());
  }

  /** {@code daos_pool_query}: space, map version, ranks; installs a newer map if the reply carries one. */
  public CompletableFuture<PoolInfo> queryAsync() {
    PoolQueryReq req = PoolQueryReq.newBuilder().setOp(op).build();
    return svc.call(PoolRpc.QUERY, req, PoolQueryReply.parser(), PoolQueryReply::getOp).thenApply(r -> {
      map.offer(r.getMap());
      return info(r);
    });
  }

  /**
   * The rebuild status a pool query reports ({@code daos_pool_query}'s pi_rebuild_st): version, state, errno,
   * objects, records and bytes rebuilt. Installs a newer map if the reply carries one.
   */
  public CompletableFuture<io.daos.client.pool.RebuildState> rebuildStateAsync() {
    PoolQueryReq req = PoolQueryReq.newBuilder().setOp(op).build();
    return svc.call(PoolRpc.QUERY, req, PoolQueryReply.parser(), PoolQueryReply::getOp).thenApply(r -> {
      map.offer(r.getMap());
      return io.daos.client.pool.RebuildState.of(r.getRebuild());
    });
  }

  private PoolInfo info(PoolQueryReply r) {
    PoolMap m = map.get();
    List<Target> tgts = m == null ? List.of() : m.targets();
    int disabled = (int) tgts.stream().filter(t -> t.state() == TargetState.DOWN || t.state() == TargetState.DOWNOUT)
        .count();
    List<PoolInfo.TierSpace> tiers = r.getSpace().getTiersList().stream()
        .map((TierSpace t) -> new PoolInfo.TierSpace(t.getTotal(), t.getFree())).toList();
    List<Integer> ranks = tgts.stream().map(Target::rank).distinct().sorted().toList();
    List<Integer> reps = r.getSvcRepsCount() > 0 ? r.getSvcRepsList() : svc.replicas();
    return new PoolInfo(uuid, label, Math.max(r.getOp().getMapVersion(), map.version()), r.getLeaderRank(), reps,
        ranks, tgts.size(), disabled, tiers);
  }

  /** Fetches the current pool map from the service (POOL_TGT_QUERY_MAP). */
  public PoolMap refreshMap() {
    return Futures.join(refreshMapAsync());
  }

  public CompletableFuture<PoolMap> refreshMapAsync() {
    return map.refresh();
  }

  // --- containers --------------------------------------------------------------------------------------------

  public List<ContainerSummary> listContainers() {
    return Futures.join(listContainersAsync());
  }

  public CompletableFuture<List<ContainerSummary>> listContainersAsync() {
    PoolListContReq req = PoolListContReq.newBuilder().setOp(op).build();
    return svc.call(PoolRpc.LIST_CONT, req, PoolListContReply.parser(), PoolListContReply::getOp)
        .thenApply(r -> r.getContsList().stream()
            .map(c -> new ContainerSummary(Ids.of(c.getUuid()), c.getLabel())).toList());
  }

  /** {@code daos_cont_create}: returns the new container's UUID. */
  public UUID createContainer(ContainerProps props) {
    return Futures.join(createContainerAsync(props));
  }

  public CompletableFuture<UUID> createContainerAsync(ContainerProps props) {
    return Futures.of(() -> containers.create(props));
  }

  /** {@code daos_cont_open} by label or UUID, flags {@code DAOS_COO_RO/RW/EX} (1/2/4). */
  public DaosContainer openContainer(String labelOrUuid, int flags) {
    return Futures.join(openContainerAsync(labelOrUuid, flags));
  }

  public CompletableFuture<DaosContainer> openContainerAsync(String labelOrUuid, int flags) {
    return Futures.of(() -> containers.open(labelOrUuid, flags));
  }

  /** {@code daos_cont_destroy}; {@code force} destroys it even with open handles. */
  public void destroyContainer(String labelOrUuid, boolean force) {
    Futures.join(destroyContainerAsync(labelOrUuid, force));
  }

  public CompletableFuture<Void> destroyContainerAsync(String labelOrUuid, boolean force) {
    return Futures.of(() -> containers.destroy(labelOrUuid, force));
  }

  // --- attributes --------------------------------------------------------------------------------------------

  @Override
  public CompletableFuture<List<String>> listAttributesAsync() {
    return attrCall(PoolRpc.ATTR_LIST, AttrNames.newBuilder().setOp(op).build())
        .thenApply(r -> r.getAttrsMap().keySet().stream().sorted().toList());
  }

  @Override
  public CompletableFuture<Map<String, byte[]>> getAttributesAsync(List<String> names) {
    return attrCall(PoolRpc.ATTR_GET, AttrNames.newBuilder().setOp(op).addAllNames(names).build())
        .thenApply(r -> Attrs.toBytes(r.getAttrsMap()));
  }

  @Override
  public CompletableFuture<Void> setAttributesAsync(Map<String, byte[]> attrs) {
    return attrCall(PoolRpc.ATTR_SET, AttrSet.newBuilder().setOp(op).putAllAttrs(Attrs.toProto(attrs)).build())
        .thenApply(r -> null);
  }

  @Override
  public CompletableFuture<Void> deleteAttributesAsync(List<String> names) {
    return attrCall(PoolRpc.ATTR_DEL, AttrNames.newBuilder().setOp(op).addAllNames(names).build())
        .thenApply(r -> null);
  }

  private CompletableFuture<AttrReply> attrCall(io.daos.cart.Opcode opc, com.google.protobuf.MessageLite req) {
    return svc.call(opc, req, AttrReply.parser(), AttrReply::getOp);
  }

  // --- disconnect --------------------------------------------------------------------------------------------

  /** {@code daos_pool_disconnect}. */
  public void disconnect() {
    Futures.join(disconnectAsync());
  }

  public CompletableFuture<Void> disconnectAsync() {
    return svc.call(PoolRpc.DISCONNECT, op, PoolOpReply.parser(), r -> r).thenApply(r -> null);
  }

  @Override
  public void close() {
    disconnect();
  }

  // --- for containers and objects ----------------------------------------------------------------------------

  ClientContext ctx() {
    return ctx;
  }

  ServiceClient service() {
    return svc;
  }

  PoolOp op() {
    return op;
  }

  PoolMapCache mapCache() {
    return map;
  }

  @Override
  public String toString() {
    return "DaosPool{" + (label.isEmpty() ? uuid : label) + ", map v" + map.version() + "}";
  }
}
