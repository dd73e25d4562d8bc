package io.daos.client.obj.ec;

import io.daos.client.obj.Bulk;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.IodType;
import io.daos.client.obj.Recx;
import io.daos.client.obj.ShardIo;
import com.google.protobuf.ByteString;
import io.daos.client.rpc.Futures;
import io.daos.common.status.DaosStatus;
import io.daos.placement.Layout;
import io.daos.placement.Shard;
import io.daos.placement.ec.EcCodec;
import io.daos.placement.ec.EcCodecs;
import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectId;
import io.daos.proto.obj.EcShardIods;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Update and fetch of an erasure-coded object (DAOS {@code cli_ec.c}, {@code obj_ec_*}). An update is split on the
 * client into the parts of each shard of the dkey's group ({@link EcArrayUpdate}, {@link EcSingleValue}), parity
 * computed here, and sent whole to one leader (the last healthy parity shard, else the first healthy data shard, as
 * {@code obj_ec_leader_select}) that runs its part and forwards each other shard its own under one DTX
 * ({@code EcShardIods}). A fetch gathers from the data shards and rebuilds the cells of lost ones. Updates of one
 * dkey through one object handle run one after the other, as a partial-stripe update reads the stripe first.
 */
public final class EcObjectIo {
  private final ShardIo io;
  private final ObjectId oid;
  private final EcCodec codec;
  private final long cellRec;
  private final ShardIo.Call<ObjRwReply> update;
  private final ShardIo.Call<ObjRwReply> fetch;
  private final Map<ByteBuffer, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  /** EC I/O of {@code oid} with cells of {@code cellRec} records (the container's {@code ec_cell_sz}). */
  public EcObjectIo(ShardIo io, ObjectId oid, long cellRec, ShardIo.Call<ObjRwReply> update,
      ShardIo.Call<ObjRwReply> fetch) {
    this.io = io;
    this.oid = oid;
    this.codec = EcCodecs.get(oid.objectClass().redundancy());
    this.cellRec = cellRec;
    this.update = update;
    this.fetch = fetch;
  }

  public long cellRecords() {
    return cellRec;
  }

  /** The geometry of {@code dkey}'s stripes. */
  public EcGeometry geometry(byte[] dkey) {
    return new EcGeometry(codec.dataCells(), codec.parityCells(), cellRec, DkeyHash.hash(oid, dkey));
  }

  /** The k + p shards of group {@code g}, by member (peer shards of an extended layout left out). */
  public static List<Shard> members(Layout l, int g) {
    return l.group(g).subList(0, l.groupSize());
  }

  /** Runs {@code op} once every earlier update of {@code dkey} through this handle has finished. */
  public CompletableFuture<Void> serialized(byte[] dkey, Supplier<CompletableFuture<Void>> op) {
    ByteBuffer key = ByteBuffer.wrap(dkey.clone());
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> prev = tails.put(key, mine);
    CompletableFuture<Void> before = prev == null ? CompletableFuture.completedFuture(null)
        : prev.handle((v, e) -> null);
    CompletableFuture<Void> r = before.thenCompose(x -> Futures.of(op));
    r.whenComplete((v, e) -> {
      mine.complete(null);
      tails.remove(key, mine);
    });
    return r;
  }

  /** One EC update of {@code iods} under {@code dkey} on layout {@code l}. */
  public CompletableFuture<Void> update(Layout l, byte[] dkey, List<Iod> iods, int flags) {
    int g = l.groupOf(dkey);
    List<Shard> members = members(l, g);
    EcGeometry geo = geometry(dkey);
    EcShards reader = new EcShards(io, fetch, l.version(), members, dkey, 0);
    List<EcArrayUpdate> arrays = new ArrayList<>();
    List<CompletableFuture<EcArrayUpdate.Old>> olds = new ArrayList<>();
    for (Iod iod : iods) {
      if (iod.type() == IodType.ARRAY) {
        EcArrayUpdate u = new EcArrayUpdate(geo, codec, iod);
        arrays.add(u);
        olds.add(old(geo, reader, iod, u.partial()));
      }
    }
    return Futures.all(olds).thenCompose(old -> {
      EcParts parts = new EcParts(geo.k() + geo.p());
      int a = 0;
      for (Iod iod : iods) {
        if (iod.type() == IodType.ARRAY) {
          arrays.get(a).plan(old.get(a), parts);
          a++;
        } else {
          single(geo, iod, parts);
        }
      }
      return send(l, g, geo, dkey, parts, flags);
    });
  }

  /** The stripes {@code partial} of {@code iod}'s akey as they are now. */
  private CompletableFuture<EcArrayUpdate.Old> old(EcGeometry geo, EcShards reader, Iod iod, List<Long> partial) {
    if (partial.isEmpty()) {
      return CompletableFuture.completedFuture(EcArrayUpdate.Old.NONE);
    }
    List<Recx> recxs = partial.stream().map(s -> new Recx(s * geo.stripeRecords(), geo.stripeRecords())).toList();
    Iod read = Iod.arrayFetch(iod.akeyRef(), (int) iod.size(), recxs);
    return new EcArrayFetch(geo, codec, reader, read).run().thenApply(f -> {
      Map<Long, byte[]> images = new HashMap<>();
      int len = Math.toIntExact(geo.stripeRecords() * f.size());
      for (int i = 0; f.size() > 0 && i < partial.size(); i++) {
        images.put(partial.get(i), Arrays.copyOfRange(f.data(), i * len, (i + 1) * len));
      }
      return new EcArrayUpdate.Old(f.size(), images);
    });
  }

  private void single(EcGeometry geo, Iod iod, EcParts parts) {
    if (iod.dataLength() == 0) {
      for (int m = 0; m < geo.k() + geo.p(); m++) {
        parts.single(m, iod.akeyRef(), null);
      }
      return;
    }
    byte[] value = new byte[iod.dataLength()];
    iod.dataBuffer().get(value);
    byte[][] shares = EcSingleValue.encode(value, codec);
    for (int cell = 0; cell < shares.length; cell++) {
      if (shares[cell] != null) {
        parts.single(geo.member(cell), iod.akeyRef(), shares[cell]);
      }
    }
  }

  private CompletableFuture<Void> send(Layout l, int g, EcGeometry geo, byte[] dkey, EcParts parts, int flags) {
    List<Shard> members = members(l, g);
    int[] shardOf = members.stream().mapToInt(Shard::shard).toArray();
    for (int m = 0; m < shardOf.length; m++) {
      shardOf[m] = g * l.groupSize() + m;
    }
    Shard leader = leader(members, geo, parts);
    if (leader == null) {
      return Futures.failed(DaosStatus.IO, "EC group " + g + " has no healthy shard to lead the update");
    }
    List<Shard> others = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      Shard s = members.get(m);
      if (parts.has(m) && s.placed() && s != leader) {
        others.add(s);
      }
    }
    for (Shard peer : l.group(g).subList(l.groupSize(), l.group(g).size())) {
      if (peer.placed() && parts.has(peer.shard() - g * l.groupSize())) {
        others.add(peer);
      }
    }
    List<ByteBuffer> bulk = new ArrayList<>();
    List<EcShardIods> split = parts.build(shardOf, bulk);
    ShardIo.Body body = (t, e) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(e).setDkey(ByteString.copyFrom(dkey))
        .setFlags(flags).addAllEcShards(split).build();
    return io.writeTo(l.version(), leader, others, update, body, Bulk.ofBuffers(bulk)).thenApply(r -> null);
  }

  /** {@code obj_ec_leader_select}: the last healthy parity shard with a part, else the first such data shard. */
  private static Shard leader(List<Shard> members, EcGeometry geo, EcParts parts) {
    for (int j = geo.p() - 1; j >= 0; j--) {
      Shard s = members.get(geo.parityMember(j));
      if (parts.has(geo.parityMember(j)) && s.placed() && !s.rebuilding()) {
        return s;
      }
    }
    for (int c = 0; c < geo.k(); c++) {
      Shard s = members.get(geo.dataMember(c));
      if (parts.has(geo.dataMember(c)) && s.placed() && !s.rebuilding()) {
        return s;
      }
    }
    return null;
  }

  /** One EC fetch of {@code iods} under {@code dkey} at {@code epoch} (0 = latest). */
  public CompletableFuture<List<FetchedIod>> fetch(Layout l, byte[] dkey, List<Iod> iods, int flags, long epoch) {
    int g = l.groupOf(dkey);
    EcGeometry geo = geometry(dkey);
    EcShards shards = new EcShards(io, fetch, l.version(), members(l, g), dkey, epoch);
    List<CompletableFuture<FetchedIod>> fs = new ArrayList<>();
    for (Iod iod : iods) {
      fs.add(iod.type() == IodType.SINGLE ? new EcSingleFetch(geo, codec, shards, iod, flags).run()
          : new EcArrayFetch(geo, codec, shards, iod).run());
    }
    return Futures.all(fs);
  }
}
