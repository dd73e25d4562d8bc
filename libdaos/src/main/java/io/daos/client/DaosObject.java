package io.daos.client;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.Bulk;
import io.daos.client.obj.ec.EcObjectIo;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.IodCodec;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.client.obj.ObjRetry;
import io.daos.client.obj.QueryKey;
import io.daos.client.obj.RecxPage;
import io.daos.client.obj.ShardIo;
import io.daos.client.rpc.BulkSink;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RpcReply;
import io.daos.placement.Cond;
import io.daos.placement.object.DkeyHash;
import io.daos.placement.JumpMap;
import io.daos.placement.Layout;
import io.daos.placement.PoolMap;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.proto.obj.ObjPunchReply;
import io.daos.proto.obj.ObjPunchReq;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import io.daos.rpc.ObjRpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An open object ({@code daos_obj_open}): its layout is computed locally with the jump map from the pool map and
 * recomputed when the map changes. dkeys pick the redundancy group; reads go to one replica, writes to all. Every
 * operation has a blocking and an {@code *Async} form on one code path.
 */
public final class DaosObject implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DaosObject.class);
  static final ShardIo.Call<ObjRwReply> UPDATE = new ShardIo.Call<>(ObjRpc.UPDATE, ObjRwReply.parser(),
      ObjRwReply::getStatus, ObjRwReply::getEpoch);
  static final ShardIo.Call<ObjRwReply> FETCH = new ShardIo.Call<>(ObjRpc.FETCH, ObjRwReply.parser(),
      ObjRwReply::getStatus, ObjRwReply::getEpoch);

  private final DaosContainer cont;
  private final ObjectId oid;
  private final JumpMap jump;
  private final ShardIo io;
  private final ObjectEnum enumerator;
  private final EcObjectIo ec;
  /** The epoch reads are served at; 0 = the latest (a writable handle). */
  private final long readEpoch;
  private volatile Layout layout;

  DaosObject(DaosContainer cont, ObjectId oid) {
    this(cont, oid, 0);
  }

  private DaosObject(DaosContainer cont, ObjectId oid, long readEpoch) {
    if (oid.isNil()) {
      throw new DaosException(DaosStatus.INVAL, "object id 0.0 is not a valid object; generate one with "
          + "DaosContainer.generateOid()");
    }
    this.cont = cont;
    this.oid = oid;
    this.readEpoch = readEpoch;
    this.jump = JumpMap.create(cont.domainLevel());
    DaosPool pool = cont.pool();
    this.io = new ShardIo(pool.ctx().rpc(), pool.ctx().random(), pool.mapCache(),
        ShardIo.objTarget(pool.uuid(), cont.uuid(), cont.handle(), oid));
    this.layout = place(cont.pool().poolMap());
    this.ec = ObjectClass.isValid(oid.classId()) && oid.objectClass().redundancy().erasureCoded()
        ? new EcObjectIo(io, oid, cont.ecCellSize(), UPDATE, FETCH) : null;
    this.enumerator = new ObjectEnum(this);
  }

  /** The EC I/O of this object, null unless its class is erasure coded. */
  EcObjectIo ec() {
    return ec;
  }

  private Layout place(PoolMap map) {
    try {
      return jump.place(oid, map);
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, "object " + oid + ": " + e.getMessage(), e);
    }
  }

  public ObjectId oid() {
    return oid;
  }

  /**
   * A read-only view of this object as it was at {@code epoch}, typically a snapshot's epoch
   * ({@link DaosContainer#createSnapshot}), like reading through DAOS's {@code daos_tx_open_snap}: fetches,
   * enumerations and key queries see exactly the versions written at or before it; updates and punches fail with
   * DER_NO_PERM.
   */
  public DaosObject atSnapshot(long epoch) {
    if (epoch <= 0 || epoch == -1L) {
      throw new DaosException(DaosStatus.INVAL, "a snapshot epoch is > 0 (from createSnapshot or listSnapshots), got "
          + Long.toUnsignedString(epoch));
    }
    return new DaosObject(cont, oid, epoch);
  }

  /** The epoch reads see: a snapshot's epoch for a {@link #atSnapshot} view, 0 (the latest) otherwise. */
  public long readEpoch() {
    return readEpoch;
  }

  /** DER_NO_PERM for a write through a snapshot view. */
  private void checkWritable(String what) {
    if (readEpoch != 0) {
      throw new DaosException(DaosStatus.NO_PERM, what + " through a read-only snapshot view (epoch "
          + readEpoch + "); write through the object opened from the container");
    }
  }

  public DaosContainer container() {
    return cont;
  }

  /** The layout for the pool map the client holds now. */
  public Layout layout() {
    Layout l = layout;
    PoolMap m = cont.pool().poolMap();
    if (l.version() != m.version()) {
      l = place(m);
      layout = l;
    }
    return l;
  }

  /** The redundancy group of {@code dkey}. */
  public int groupOf(byte[] dkey) {
    return layout().groupOf(checkKey(dkey, "dkey"));
  }

  // --- update / fetch ----------------------------------------------------------------------------------------

  /** {@code daos_obj_update} of {@code iods} under {@code dkey}. */
  public void update(byte[] dkey, List<Iod> iods) {
    Futures.join(updateAsync(dkey, iods, Cond.NONE));
  }

  public void update(byte[] dkey, List<Iod> iods, int flags) {
    Futures.join(updateAsync(dkey, iods, flags));
  }

  public CompletableFuture<Void> updateAsync(byte[] dkey, List<Iod> iods, int flags) {
    return named(Futures.of(() -> {
      checkWritable("update");
      checkKey(dkey, "dkey");
      if (ec != null) {
        return ec.serialized(dkey, () -> retryStale(() -> ec.update(layout(), dkey, iods, flags)));
      }
      Bulk bulk = Bulk.of(iods);
      List<io.daos.proto.obj.Iod> piods = iods.stream().map(i -> IodCodec.toProto(i, true)).toList();
      ShardIo.Body body = (t, epoch) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(epoch)
          .setDkey(ByteString.copyFrom(dkey)).addAllIods(piods).setFlags(flags).build();
      return retryStale(() -> {
        Layout l = layout();
        int g = l.groupOf(dkey);
        int leader = ShardIo.leader(l.group(g), DkeyHash.hash(oid, dkey), g);
        return io.writeAll(l.version(), l.group(g), leader, UPDATE, body, bulk);
      }).thenApply(r -> null);
    }), "update", dkey, akeys(iods));
  }

  /** {@code daos_obj_fetch}: one result per iod (size 0 iods are size queries). */
  public List<FetchedIod> fetch(byte[] dkey, List<Iod> iods) {
    return Futures.join(fetchAsync(dkey, iods, Cond.NONE));
  }

  public List<FetchedIod> fetch(byte[] dkey, List<Iod> iods, int flags) {
    return Futures.join(fetchAsync(dkey, iods, flags));
  }

  public CompletableFuture<List<FetchedIod>> fetchAsync(byte[] dkey, List<Iod> iods, int flags) {
    return named(fetchUnnamed(dkey, iods, flags), "fetch", dkey, akeys(iods));
  }

  private CompletableFuture<List<FetchedIod>> fetchUnnamed(byte[] dkey, List<Iod> iods, int flags) {
    return Futures.of(() -> {
      checkKey(dkey, "dkey");
      if (ec != null) {
        return retryStale(() -> ec.fetch(layout(), dkey, iods, flags, readEpoch));
      }
      List<io.daos.proto.obj.Iod> piods = iods.stream().map(i -> IodCodec.toProto(i, false)).toList();
      ShardIo.Body body = (t, epoch) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(readEpoch)
          .setDkey(ByteString.copyFrom(dkey))
          .addAllIods(piods).setFlags(flags).build();
      return retryStale(() -> {
        Layout l = layout();
        return io.read(l.version(), l.group(l.groupOf(dkey)), FETCH, body, null);
      }).thenApply(r -> IodCodec.fetched(iods, r.body(), r.bulk()));
    });
  }

  /**
   * {@code daos_obj_fetch} with {@code DIOF_TO_SPEC_SHARD}: from replica {@code replica} (0 .. group size - 1) of
   * {@code dkey}'s redundancy group only, never failing over to another replica. Compares replicas (a verify of
   * replication); a replica that is unreachable fails with its error (once a refreshed pool map still places it
   * there, as for every object I/O), one not placed or rebuilding with DER_NONEXIST.
   */
  public CompletableFuture<List<FetchedIod>> fetchReplicaAsync(byte[] dkey, List<Iod> iods, int replica) {
    return named(Futures.of(() -> {
      checkKey(dkey, "dkey");
      List<io.daos.proto.obj.Iod> piods = iods.stream().map(i -> IodCodec.toProto(i, false)).toList();
      ShardIo.Body body = (t, epoch) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(readEpoch)
          .setDkey(ByteString.copyFrom(dkey)).addAllIods(piods).build();
      int size = layout().groupSize();
      if (replica < 0 || replica >= size) {
        throw new DaosException(DaosStatus.INVAL, "replica " + replica + " of object " + oid + ": its groups have "
            + size + " replicas (0.." + (size - 1) + ")");
      }
      return retryStale(() -> {
        Layout l = layout();
        return io.readShard(l.version(), l.group(l.groupOf(dkey)).get(replica), FETCH, body, null);
      }).thenApply(r -> IodCodec.fetched(iods, r.body(), r.bulk()));
    }), "fetch from replica " + replica, dkey, akeys(iods));
  }

  /**
   * Fetch of one array iod whose records land in {@code dst} from {@code dstOff} (at most {@code iod records x record
   * size} bytes, holes as zeros), copied once, straight from the receive buffer. Returns the record size found (0
   * when nothing is visible, leaving {@code dst} untouched).
   */
  CompletableFuture<Long> fetchIntoAsync(byte[] dkey, Iod iod, byte[] dst, int dstOff) {
    return named(fetchInto(dkey, iod, dst, dstOff), "fetch", dkey, akeys(List.of(iod)));
  }

  private CompletableFuture<Long> fetchInto(byte[] dkey, Iod iod, byte[] dst, int dstOff) {
    if (ec != null) {
      return fetchUnnamed(dkey, List.of(iod), Cond.NONE).thenApply(r -> {
        FetchedIod f = r.get(0);
        int n = Math.min(f.data().length, dst.length - dstOff);
        System.arraycopy(f.data(), 0, dst, dstOff, n);
        IodCodec.zeroTail(iod, dst, dstOff, n);
        return f.size();
      });
    }
    return Futures.of(() -> {
      checkKey(dkey, "dkey");
      io.daos.proto.obj.Iod piod = IodCodec.toProto(iod, false);
      ShardIo.Body body = (t, epoch) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(readEpoch)
          .setDkey(ByteString.copyFrom(dkey))
          .addIods(piod).build();
      long[] size = new long[1];
      BulkSink<ObjRwReply> sink = (r, bulk) -> {
        if (r.getStatus() == 0) {
          size[0] = IodCodec.copyFetched(iod, r, bulk, dst, dstOff);
        }
      };
      return retryStale(() -> {
        Layout l = layout();
        return io.read(l.version(), l.group(l.groupOf(dkey)), FETCH, body, sink);
      }).thenApply(r -> size[0]);
    });
  }

  // --- punch -------------------------------------------------------------------------------------------------

  static final ShardIo.Call<ObjPunchReply> PUNCH = punchCall(ObjRpc.PUNCH);
  static final ShardIo.Call<ObjPunchReply> PUNCH_DKEYS = punchCall(ObjRpc.PUNCH_DKEYS);
  static final ShardIo.Call<ObjPunchReply> PUNCH_AKEYS = punchCall(ObjRpc.PUNCH_AKEYS);

  private static ShardIo.Call<ObjPunchReply> punchCall(io.daos.cart.Opcode opc) {
    return new ShardIo.Call<>(opc, ObjPunchReply.parser(), ObjPunchReply::getStatus, ObjPunchReply::getEpoch);
  }

  /** {@code daos_obj_punch}: the whole object, on every shard. */
  public void punch() {
    Futures.join(punchAsync(Cond.NONE));
  }

  public CompletableFuture<Void> punchAsync(int flags) {
    return named(Futures.of(() -> {
      checkWritable("punch");
      ShardIo.Body body = (t, e) -> ObjPunchReq.newBuilder().setTarget(t).setEpoch(e).setFlags(flags).build();
      return retryStale(() -> {
        Layout l = layout();
        return io.writeAll(l.version(), l.allShards(), 0, PUNCH, body, null);
      }).thenApply(r -> null);
    }), "punch", null, List.of());
  }

  /** {@code daos_obj_punch_dkeys}: each dkey on every replica of its group. */
  public void punchDkeys(List<byte[]> dkeys) {
    Futures.join(punchDkeysAsync(dkeys, Cond.NONE));
  }

  public CompletableFuture<Void> punchDkeysAsync(List<byte[]> dkeys, int flags) {
    return named(Futures.of(() -> {
      checkWritable("punch_dkeys");
      if (dkeys.isEmpty()) {
        throw new DaosException(DaosStatus.INVAL, "punch_dkeys needs at least one dkey");
      }
      dkeys.forEach(k -> checkKey(k, "dkey"));
      return retryStale(() -> {
        Layout l = layout();
        Map<Integer, List<byte[]>> byGroup = new LinkedHashMap<>();
        dkeys.forEach(k -> byGroup.computeIfAbsent(l.groupOf(k), g -> new ArrayList<>()).add(k));
        List<CompletableFuture<RpcReply<ObjPunchReply>>> fs = new ArrayList<>();
        byGroup.forEach((g, keys) -> {
          ShardIo.Body body = (t, e) -> ObjPunchReq.newBuilder().setTarget(t).setEpoch(e).setFlags(flags)
              .addAllDkeys(keys.stream().map(ByteString::copyFrom).toList()).build();
          int leader = ShardIo.leader(l.group(g), DkeyHash.hash(oid, keys.get(0)), g);
          fs.add(io.writeAll(l.version(), l.group(g), leader, PUNCH_DKEYS, body, null));
        });
        return Futures.all(fs);
      }).thenApply(r -> null);
    }), "punch of " + dkeys.size() + " dkeys", dkeys.size() == 1 ? dkeys.get(0) : null, List.of());
  }

  /** {@code daos_obj_punch_akeys} under {@code dkey}. */
  public void punchAkeys(byte[] dkey, List<byte[]> akeys) {
    Futures.join(punchAkeysAsync(dkey, akeys, Cond.NONE));
  }

  public CompletableFuture<Void> punchAkeysAsync(byte[] dkey, List<byte[]> akeys, int flags) {
    return named(Futures.of(() -> {
      checkWritable("punch_akeys");
      checkKey(dkey, "dkey");
      if (akeys.isEmpty()) {
        throw new DaosException(DaosStatus.INVAL, "punch_akeys needs at least one akey");
      }
      ShardIo.Body body = (t, e) -> ObjPunchReq.newBuilder().setTarget(t).setEpoch(e).setFlags(flags)
          .setDkey(ByteString.copyFrom(dkey)).addAllAkeys(akeys.stream().map(ByteString::copyFrom).toList()).build();
      return retryStale(() -> {
        Layout l = layout();
        int g = l.groupOf(dkey);
        return io.writeAll(l.version(), l.group(g), ShardIo.leader(l.group(g), DkeyHash.hash(oid, dkey), g), PUNCH_AKEYS, body,
            null);
      }).thenApply(r -> null);
    }), "punch", dkey, akeys);
  }

  // --- enumeration and query_key (ObjectEnum) ----------------------------------------------------------------

  /** {@code daos_obj_list_dkey}: up to {@code max} dkeys from {@code anchor}, group by group. */
  public KeyPage listDkeys(Anchor anchor, int max) {
    return Futures.join(listDkeysAsync(anchor, max));
  }

  public CompletableFuture<KeyPage> listDkeysAsync(Anchor anchor, int max) {
    return named(Futures.of(() -> enumerator.dkeys(anchor, max)), "dkey listing", null, List.of());
  }

  /** Every dkey of the object (all pages). */
  public List<byte[]> listAllDkeys() {
    return Futures.join(listAllDkeysAsync());
  }

  public CompletableFuture<List<byte[]>> listAllDkeysAsync() {
    return named(Futures.of(enumerator::allDkeys), "dkey listing", null, List.of());
  }

  /** {@code daos_obj_list_akey} under {@code dkey}. */
  public KeyPage listAkeys(byte[] dkey, Anchor anchor, int max) {
    return Futures.join(listAkeysAsync(dkey, anchor, max));
  }

  public CompletableFuture<KeyPage> listAkeysAsync(byte[] dkey, Anchor anchor, int max) {
    return named(Futures.of(() -> enumerator.akeys(checkKey(dkey, "dkey"), anchor, max)), "akey listing", dkey,
        List.of());
  }

  /** {@code daos_obj_list_recx} of the array under {@code dkey}/{@code akey}. */
  public RecxPage listRecx(byte[] dkey, byte[] akey, Anchor anchor, int max) {
    return Futures.join(listRecxAsync(dkey, akey, anchor, max));
  }

  public CompletableFuture<RecxPage> listRecxAsync(byte[] dkey, byte[] akey, Anchor anchor, int max) {
    return named(Futures.of(() -> enumerator.recx(checkKey(dkey, "dkey"), checkKey(akey, "akey"), anchor, max)),
        "recx listing", dkey, akey == null ? List.of() : List.of(akey));
  }

  /** {@code daos_obj_query_key} with {@code QueryKey.GET_*} flags; DER_NONEXIST when nothing matches. */
  public QueryKey queryKey(int flags, byte[] dkey, byte[] akey) {
    return Futures.join(queryKeyAsync(flags, dkey, akey));
  }

  public CompletableFuture<QueryKey> queryKeyAsync(int flags, byte[] dkey, byte[] akey) {
    return named(Futures.of(() -> enumerator.queryKey(flags, dkey, akey)), "query_key", dkey,
        akey == null ? List.of() : List.of(akey));
  }

  /** Local; nothing to release ({@code daos_obj_close}). */
  @Override
  public void close() {
  }

  // --- shared with ObjectEnum, DaosKv, DaosArray -------------------------------------------------------------

  ShardIo io() {
    return io;
  }

  /**
   * Runs {@code op} with DAOS's {@code obj_retry}: when it fails with an error a new pool map may cure
   * ({@link ObjRetry#RETRY}: DER_STALE, DER_UNREACH, DER_TIMEDOUT, DER_EXCLUDED, DER_SHUTDOWN) the client refreshes
   * its pool map from the pool service and runs it again on the layout of that map. A newer map is retried at once;
   * while the service confirms the same map the client backs off ({@link ObjRetry}), and once the attempts are spent
   * the error is returned, so an operation never spins forever. A refresh that gets no map at all (the service's own
   * retries spent) ends it after {@link ObjRetry#MAX_NO_MAP} of them in a row.
   */
  <T> CompletableFuture<T> retryStale(Supplier<CompletableFuture<T>> op) {
    return attempt(op, 0, 0, 0);
  }

  private <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> op, int sameMap, int newerMap,
      int noMap) {
    return Futures.of(op).handle((r, e) -> {
      if (e == null) {
        return CompletableFuture.completedFuture(r);
      }
      DaosException de = Futures.unwrap(e);
      if (!ObjRetry.RETRY.contains(de.status()) || sameMap >= ObjRetry.MAX_SAME_MAP
          || newerMap >= ObjRetry.MAX_NEWER_MAP) {
        return CompletableFuture.<T>failedFuture(de);
      }
      int before = layout().version();
      return cont.pool().mapCache().refresh().handle((m, re) -> {
        if (re != null && noMap + 1 >= ObjRetry.MAX_NO_MAP) {
          de.addSuppressed(Futures.unwrap(re));
          return CompletableFuture.<T>failedFuture(de);
        }
        if (re != null) {
          LOG.debug("{}: {}; pool map refresh failed ({}); retrying", this, de.status().symbol(), re.toString());
          return attempt(op, sameMap, newerMap, noMap + 1);
        }
        if (m.version() > before) {
          LOG.debug("{}: {}; retrying on pool map version {}", this, de.status().symbol(), m.version());
          return attempt(op, sameMap, newerMap + 1, 0);
        }
        long delay = ObjRetry.backoffMillis(sameMap);
        LOG.debug("{}: {} with pool map version {} unchanged; retrying in {} ms", this, de.status().symbol(), before,
            delay);
        java.util.concurrent.Executor later = CompletableFuture.delayedExecutor(delay,
            java.util.concurrent.TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> null, later)
            .thenCompose(x -> attempt(op, sameMap + 1, newerMap, 0));
      }).thenCompose(x -> x);
    }).thenCompose(x -> x);
  }

  /** {@code f}, whose failure names what failed: the operation, its keys, this object, its container and pool. */
  private <T> CompletableFuture<T> named(CompletableFuture<T> f, String op, byte[] dkey, List<byte[]> akeys) {
    return f.handle((r, e) -> {
      if (e != null) {
        throw Futures.unwrap(e).withContext(describe(op, dkey, akeys));
      }
      return r;
    });
  }

  /** "update of dkey "k" akey "0" in object 1.2 of container c1 in pool tank". */
  String describe(String op, byte[] dkey, List<byte[]> akeys) {
    StringBuilder sb = new StringBuilder(op);
    if (dkey != null) {
      sb.append(" of dkey ").append(Keys.describe(dkey));
    }
    if (!akeys.isEmpty()) {
      sb.append(dkey == null ? " of" : "").append(akeys.size() == 1 ? " akey " : " akeys ")
          .append(String.join(", ", akeys.stream().limit(4).map(Keys::describe).toList()))
          .append(akeys.size() > 4 ? ", ..." : "");
    }
    sb.append(dkey == null && akeys.isEmpty() ? " of object " : " in object ").append(oid);
    return sb.append(" of container ").append(name(cont.label(), cont.uuid())).append(" in pool ")
        .append(name(cont.pool().label(), cont.pool().uuid())).toString();
  }

  private static String name(String label, java.util.UUID uuid) {
    return label == null || label.isEmpty() ? uuid.toString() : label;
  }

  /** The iods' akeys, a view read only if the operation fails. */
  private static List<byte[]> akeys(List<Iod> iods) {
    return new java.util.AbstractList<>() {
      @Override
      public byte[] get(int i) {
        return iods.get(i).akeyRef();
      }

      @Override
      public int size() {
        return iods.size();
      }
    };
  }

  static byte[] checkKey(byte[] key, String what) {
    if (key == null || key.length == 0) {
      throw new DaosException(DaosStatus.INVAL, what + " must not be empty");
    }
    return key;
  }

  @Override
  public String toString() {
    return "DaosObject{" + oid + " class 0x" + Integer.toHexString(oid.classId()) + "}";
  }
}
