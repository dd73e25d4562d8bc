package io.daos.client;

import com.google.protobuf.MessageLite;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.cont.ContainerAcl;
import io.daos.client.cont.ContainerInfo;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.OidAllocator;
import io.daos.client.cont.PropType;
import io.daos.client.cont.Snapshot;
import io.daos.client.rpc.Futures;
import io.daos.common.Uuids;
import io.daos.common.acl.Acl;
import io.daos.common.acl.AclPrincipal;
import io.daos.placement.DomainLevel;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.placement.object.PoolAttributes;
import io.daos.proto.cont.ContAclDeleteReq;
import io.daos.proto.cont.ContAclUpdateReq;
import io.daos.proto.cont.ContAttrReply;
import io.daos.proto.cont.ContAttrReq;
import io.daos.proto.cont.ContCloseReq;
import io.daos.proto.cont.ContOidAllocReply;
import io.daos.proto.cont.ContOidAllocReq;
import io.daos.proto.cont.ContOp;
import io.daos.proto.cont.ContOpenReply;
import io.daos.proto.cont.ContPropSetReq;
import io.daos.proto.cont.ContQueryReply;
import io.daos.proto.cont.ContQueryReq;
import io.daos.proto.cont.ContReply;
import io.daos.proto.cont.ContSnapReply;
import io.daos.proto.cont.ContSnapReq;
import io.daos.rpc.ContRpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An open container handle ({@code daos_cont_open}): properties, attributes, snapshots, OID allocation and the
 * objects, KVs and arrays inside. Every operation has a blocking and an {@code *Async} form on one code path.
 */
public final class DaosContainer implements UserAttributes, AutoCloseable {
  /** Open flags ({@code DAOS_COO_RO / RW / EX / FORCE}). */
  public static final int RO = 1;
  public static final int RW = 2;
  public static final int EX = 4;
  public static final int FORCE = 8;

  private final DaosPool pool;
  private final UUID uuid;
  private final UUID handle;
  private final int flags;
  private final String label;
  private final ContainerProps props;
  private final long capas;
  private final ContOp op;
  private final OidAllocator oids;

  DaosContainer(DaosPool pool, Containers containers, UUID uuid, UUID handle, int flags, ContOpenReply r) {
    this.pool = pool;
    this.uuid = uuid;
    this.handle = handle;
    this.flags = flags;
    this.props = ContainerProps.fromProto(r.getPropsList());
    this.label = r.getInfo().getLabel().isEmpty() ? props.label() : r.getInfo().getLabel();
    this.capas = r.getCapas();
    this.op = containers.op().setContUuid(Uuids.toByteString(uuid)).setContHdl(Uuids.toByteString(handle)).build();
    this.oids = new OidAllocator(this::allocOidsAsync, pool.ctx().oidBatch());
  }

  public DaosPool pool() {
    return pool;
  }

  public UUID uuid() {
    return uuid;
  }

  /** The container handle UUID every object RPC carries. */
  public UUID handle() {
    return handle;
  }

  public String label() {
    return label;
  }

  /** The open flags ({@code DAOS_COO_*}). */
  public int flags() {
    return flags;
  }

  /** The properties read at open. */
  public ContainerProps props() {
    return props;
  }

  /** Capabilities the service granted ({@code CONT_CAPA_*}). */
  public long capabilities() {
    return capas;
  }

  // --- query and properties ----------------------------------------------------------------------------------

  public ContainerInfo query() {
    return Futures.join(queryAsync());
  }

  public CompletableFuture<ContainerInfo> queryAsync() {
    ContQueryReq req = ContQueryReq.newBuilder().setOp(op).build();
    return svc(ContRpc.QUERY, req, ContQueryReply.parser(), ContQueryReply::getOp).thenApply(r -> {
      ContainerProps p = ContainerProps.fromProto(r.getPropsList());
      String l = r.getInfo().getLabel().isEmpty() ? p.label() : r.getInfo().getLabel();
      return new ContainerInfo(uuid, l, r.getInfo().getLatestSnapshot(), r.getInfo().getOpenHandles(),
          r.getInfo().getSnapshots(), p);
    });
  }

  /** {@code daos_cont_query} with properties: the current properties. */
  public ContainerProps getProps() {
    return query().props();
  }

  public CompletableFuture<ContainerProps> getPropsAsync() {
    return queryAsync().thenApply(ContainerInfo::props);
  }

  /** {@code daos_cont_set_prop}. */
  /**
   * {@code daos_cont_status_clear}: marks the container HEALTHY again (as of the pool map the service holds now)
   * after failures exceeded its redundancy factor; opens without DAOS_COO_FORCE and I/O work again.
   */
  public void statusClear() {
    setProps(ContainerProps.empty().withNumber(CO_STATUS, 0));
  }

  /** {@code DAOS_PROP_CO_STATUS}. */
  static final int CO_STATUS = 0x1012;

  public void setProps(ContainerProps p) {
    Futures.join(setPropsAsync(p));
  }

  public CompletableFuture<Void> setPropsAsync(ContainerProps p) {
    ContPropSetReq req = ContPropSetReq.newBuilder().setOp(op).addAllProps(p.toProto()).build();
    return svc(ContRpc.PROP_SET, req, ContReply.parser(), ContReply::getOp).thenApply(r -> null);
  }

  // --- ACL and ownership ------------------------------------------------------------------------------------

  /** {@code DAOS_CO_QUERY_PROP_ACL | _OWNER | _OWNER_GROUP}: what {@code daos_cont_get_acl} asks for. */
  static final long QUERY_ACL_BITS = 1L << 11 | 1L << 12 | 1L << 13;

  /** {@code daos_cont_get_acl}: the ACL, owner and owner group (needs the 'a' permission). */
  public ContainerAcl getAcl() {
    ContQueryReq req = ContQueryReq.newBuilder().setOp(op).setPropBits(QUERY_ACL_BITS).build();
    return Futures.join(svc(ContRpc.QUERY, req, ContQueryReply.parser(), ContQueryReply::getOp)
        .thenApply(r -> ContainerAcl.of(ContainerProps.fromProto(r.getPropsList()))));
  }

  /** {@code daos_cont_overwrite_acl}: the ACL becomes {@code aces} (needs 'A'); DER_INVAL for a bad ACL. */
  public void overwriteAcl(List<String> aces) {
    aclUpdate(aces, true);
  }

  /** {@code daos_cont_update_acl}: adds {@code aces}, replacing entries of the same principals (needs 'A'). */
  public void updateAcl(List<String> aces) {
    aclUpdate(aces, false);
  }

  private void aclUpdate(List<String> aces, boolean overwrite) {
    Acl acl = Acl.of(aces);
    ContAclUpdateReq req = ContAclUpdateReq.newBuilder().setOp(op).addAllAces(acl.strings())
        .setOverwrite(overwrite).build();
    Futures.join(svc(ContRpc.ACL_UPDATE, req, ContReply.parser(), ContReply::getOp));
  }

  /**
   * {@code daos_cont_delete_acl}: removes the entry of {@code principal} ({@code OWNER@}, {@code GROUP@},
   * {@code EVERYONE@}, {@code u:name@} or {@code g:name@}); DER_INVAL for another form, DER_NONEXIST without one.
   */
  public void deleteAcl(String principal) {
    AclPrincipal p = AclPrincipal.parse(principal);
    ContAclDeleteReq req = ContAclDeleteReq.newBuilder().setOp(op).setPrincipal(p.toString()).build();
    Futures.join(svc(ContRpc.ACL_DELETE, req, ContReply.parser(), ContReply::getOp));
  }

  /**
   * {@code daos_cont_set_owner_no_check}: sets the owner user and/or group ({@code name@[domain]}; null keeps it),
   * needs the 'o' permission. Whether the names exist is the caller's concern ({@code daos_cont_set_owner} checks
   * them on the local host first).
   */
  public void setOwner(String user, String group) {
    if (user == null && group == null) {
      throw new DaosException(DaosStatus.INVAL, "set-owner needs a user or a group");
    }
    ContainerProps p = ContainerProps.empty();
    p = user == null ? p : p.withString(PropType.CO_OWNER, checkedPrincipal(user));
    p = group == null ? p : p.withString(PropType.CO_OWNER_GROUP, checkedPrincipal(group));
    setProps(p);
  }

  private static String checkedPrincipal(String name) {
    if (!AclPrincipal.isValidName(name)) {
      throw new DaosException(DaosStatus.INVAL, "invalid owner \"" + name + "\": use name@[domain]");
    }
    return name;
  }

  // --- attributes --------------------------------------------------------------------------------------------

  @Override
  public CompletableFuture<List<String>> listAttributesAsync() {
    return attr(ContRpc.ATTR_LIST, ContAttrReq.newBuilder().setOp(op).build())
        .thenApply(r -> r.getAttrsMap().keySet().stream().sorted().toList());
  }

  @Override
  public CompletableFuture<Map<String, byte[]>> getAttributesAsync(List<String> names) {
    return attr(ContRpc.ATTR_GET, ContAttrReq.newBuilder().setOp(op).addAllNames(names).build())
        .thenApply(r -> Attrs.toBytes(r.getAttrsMap()));
  }

  @Override
  public CompletableFuture<Void> setAttributesAsync(Map<String, byte[]> attrs) {
    return Futures.of(() -> attr(ContRpc.ATTR_SET, ContAttrReq.newBuilder().setOp(op)
        .putAllAttrs(Attrs.toProto(attrs)).build()).thenApply(r -> null));
  }

  @Override
  public CompletableFuture<Void> deleteAttributesAsync(List<String> names) {
    return attr(ContRpc.ATTR_DEL, ContAttrReq.newBuilder().setOp(op).addAllNames(names).build())
        .thenApply(r -> null);
  }

  private CompletableFuture<ContAttrReply> attr(Opcode opc, ContAttrReq req) {
    return svc(opc, req, ContAttrReply.parser(), ContAttrReply::getOp);
  }

  // --- snapshots ---------------------------------------------------------------------------------------------

  /** {@code daos_cont_create_snap}: returns the snapshot's epoch. */
  public long createSnapshot(String name) {
    return Futures.join(createSnapshotAsync(name));
  }

  public CompletableFuture<Long> createSnapshotAsync(String name) {
    ContSnapReq req = ContSnapReq.newBuilder().setOp(op).setName(name == null ? "" : name).build();
    return snap(ContRpc.SNAP_CREATE, req).thenApply(ContSnapReply::getEpoch);
  }

  public List<Snapshot> listSnapshots() {
    return Futures.join(listSnapshotsAsync());
  }

  public CompletableFuture<List<Snapshot>> listSnapshotsAsync() {
    return snap(ContRpc.SNAP_LIST, ContSnapReq.newBuilder().setOp(op).build())
        .thenApply(r -> r.getSnapshotsList().stream().map(s -> new Snapshot(s.getEpoch(), s.getName())).toList());
  }

  /** {@code daos_cont_destroy_snap} of one epoch. */
  public void destroySnapshot(long epoch) {
    Futures.join(destroySnapshotAsync(epoch));
  }

  public CompletableFuture<Void> destroySnapshotAsync(long epoch) {
    return snap(ContRpc.SNAP_DESTROY, ContSnapReq.newBuilder().setOp(op).setEpoch(epoch).build())
        .thenApply(r -> null);
  }

  private CompletableFuture<ContSnapReply> snap(Opcode opc, ContSnapReq req) {
    return svc(opc, req, ContSnapReply.parser(), ContSnapReply::getOp);
  }

  // --- OIDs --------------------------------------------------------------------------------------------------

  /** {@code daos_cont_alloc_oids}: reserves {@code n} OID lo values; returns the first. */
  public long allocOids(long n) {
    return Futures.join(allocOidsAsync(n));
  }

  public CompletableFuture<Long> allocOidsAsync(long n) {
    if (n < 1) {
      return Futures.failed(DaosStatus.INVAL, "alloc_oids needs n >= 1, got " + n);
    }
    ContOidAllocReq req = ContOidAllocReq.newBuilder().setOp(op).setNumOids(n).build();
    return svc(ContRpc.OID_ALLOC, req, ContOidAllocReply.parser(), ContOidAllocReply::getOp)
        .thenApply(ContOidAllocReply::getOidLo);
  }

  /**
   * {@code daos_obj_generate_oid} on a fresh OID from the container's allocator: class {@code oc} fitted to the
   * pool ("X" group counts resolved now), or with {@code oc == null} chosen from the container's {@code rd_fac},
   * the pool's fault domains, the type and {@code hints} ({@code OclassHints}).
   */
  public ObjectId generateOid(ObjectType type, ObjectClass oc, int hints) {
    return Futures.join(generateOidAsync(type, oc, hints));
  }

  public CompletableFuture<ObjectId> generateOidAsync(ObjectType type, ObjectClass oc, int hints) {
    return oids.nextLo().thenApply(lo -> encodeOid(lo, 0, type, oc, hints));
  }

  /** {@code daos_obj_generate_oid} on a user-chosen 96-bit id ({@code lo}, low 32 bits of {@code hi}). */
  public ObjectId encodeOid(long lo, int hi, ObjectType type, ObjectClass oc, int hints) {
    try {
      return ObjectId.generate(lo, Integer.toUnsignedLong(hi), type, oc, hints, poolAttributes());
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, e.getMessage(), e);
    }
  }

  /** What OID generation sees of the pool: fault domains at the container's rd_lvl, targets, rd_fac. */
  PoolAttributes poolAttributes() {
    return pool.poolMap().attributes(domainLevel(), props.redundancyFactor());
  }

  /** DAOS_EC_CELL_DEF: the cell size when neither the container nor its pool names one. */
  static final long EC_CELL_DEFAULT = 128 << 10;

  /**
   * The EC cell size in records ({@code ec_cell_sz}, as DAOS's {@code e_len}): the container's property, which the
   * pool service resolved from the pool's {@code ec_cell_sz} when the container was created without one.
   */
  long ecCellSize() {
    long v = props.number(PropType.CO_EC_CELL_SZ, 0);
    return v > 0 ? v : EC_CELL_DEFAULT;
  }

  DomainLevel domainLevel() {
    return props.redundancyLevel() == PropType.REDUN_LVL_RANK ? DomainLevel.RANK : DomainLevel.NODE;
  }

  // --- objects -----------------------------------------------------------------------------------------------

  /** {@code daos_obj_open}: local, computes the layout from the pool map; no RPC. */
  public DaosObject openObject(ObjectId oid) {
    return new DaosObject(this, oid);
  }

  /** {@code daos_kv_open}: the OID must be of a KV type. */
  public DaosKv openKv(ObjectId oid) {
    return new DaosKv(openObject(DaosKv.checkType(oid)));
  }

  /** {@code daos_array_create} ({@code DAOS_OT_ARRAY}: writes the metadata; fails DER_EXIST if present). */
  public DaosArray createArray(ObjectId oid, long cellSize, long chunkSize) {
    return Futures.join(createArrayAsync(oid, cellSize, chunkSize));
  }

  public CompletableFuture<DaosArray> createArrayAsync(ObjectId oid, long cellSize, long chunkSize) {
    return Futures.of(() -> DaosArray.create(openObject(oid), cellSize, chunkSize));
  }

  /** {@code daos_array_open}: reads cell and chunk size from the metadata (DER_NONEXIST if none). */
  public DaosArray openArray(ObjectId oid) {
    return Futures.join(openArrayAsync(oid));
  }

  public CompletableFuture<DaosArray> openArrayAsync(ObjectId oid) {
    return Futures.of(() -> DaosArray.open(openObject(oid)));
  }

  /** {@code daos_array_open_with_attr}: for ARRAY_BYTE / ARRAY_ATTR objects, which keep no metadata. */
  public DaosArray openArrayWithAttr(ObjectId oid, long cellSize, long chunkSize) {
    return DaosArray.withAttr(openObject(oid), cellSize, chunkSize);
  }

  // --- close -------------------------------------------------------------------------------------------------

  /** {@code daos_cont_close}. */
  @Override
  public void close() {
    Futures.join(closeAsync());
  }

  public CompletableFuture<Void> closeAsync() {
    ContCloseReq req = ContCloseReq.newBuilder().setOp(op).build();
    return svc(ContRpc.CLOSE, req, ContReply.parser(), ContReply::getOp).thenApply(r -> null);
  }

  private <T> CompletableFuture<T> svc(Opcode opc, MessageLite req, com.google.protobuf.Parser<T> parser,
      java.util.function.Function<T, io.daos.proto.pool.PoolOpReply> opOf) {
    return pool.service().call(opc, req, parser, opOf);
  }

  @Override
  public String toString() {
    return "DaosContainer{" + (label.isEmpty() ? uuid : label) + "}";
  }
}
