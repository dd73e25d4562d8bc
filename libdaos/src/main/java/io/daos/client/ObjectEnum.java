package io.daos.client;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.IodCodec;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.client.obj.QueryKey;
import io.daos.client.obj.Recx;
import io.daos.client.obj.RecxPage;
import io.daos.client.obj.ShardIo;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RpcReply;
import io.daos.placement.Layout;
import io.daos.proto.obj.ObjEnumReply;
import io.daos.proto.obj.ObjEnumReq;
import io.daos.proto.obj.ObjQueryKeyReply;
import io.daos.proto.obj.ObjQueryKeyReq;
import io.daos.proto.obj.RecxEntry;
import io.daos.rpc.ObjRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Object enumeration and query_key. dkeys are listed group by group (one replica per group, the anchor remembers
 * the group), akeys and recxs in the dkey's group; query_key with GET_DKEY asks every group and keeps the max/min.
 */
final class ObjectEnum {
  private static final ShardIo.Call<ObjEnumReply> DKEYS = enumCall(ObjRpc.DKEY_ENUMERATE);
  private static final ShardIo.Call<ObjEnumReply> AKEYS = enumCall(ObjRpc.AKEY_ENUMERATE);
  private static final ShardIo.Call<ObjEnumReply> RECXS = enumCall(ObjRpc.RECX_ENUMERATE);
  private static final ShardIo.Call<ObjQueryKeyReply> QUERY = new ShardIo.Call<>(ObjRpc.QUERY_KEY,
      ObjQueryKeyReply.parser(), ObjQueryKeyReply::getStatus, r -> 0);

  private final DaosObject obj;
  private final EcEnum ec;

  ObjectEnum(DaosObject obj) {
    this.obj = obj;
    this.ec = obj.ec() == null ? null : new EcEnum(obj, DKEYS, AKEYS, QUERY, RECXS);
  }

  private static ShardIo.Call<ObjEnumReply> enumCall(io.daos.cart.Opcode opc) {
    return new ShardIo.Call<>(opc, ObjEnumReply.parser(), ObjEnumReply::getStatus, r -> 0);
  }

  private static void checkMax(int max) {
    if (max < 1) {
      throw new DaosException(DaosStatus.INVAL, "enumeration needs room for at least one entry, got " + max);
    }
  }

  CompletableFuture<KeyPage> dkeys(Anchor anchor, int max) {
    checkMax(max);
    if (ec != null) {
      return ec.dkeys(anchor, max);
    }
    if (anchor.isEof()) {
      return CompletableFuture.completedFuture(new KeyPage(List.of(), anchor));
    }
    Layout l = obj.layout();
    int g = anchor.group();
    if (g >= l.groups()) {
      throw new DaosException(DaosStatus.INVAL, "anchor names group " + g + " but the object has " + l.groups());
    }
    ShardIo.Body body = (t, e) -> ObjEnumReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setMax(max)
        .setAnchor(ByteString.copyFrom(anchor.shardAnchor())).build();
    return obj.retryStale(() -> {
      Layout now = obj.layout();
      return obj.io().read(now.version(), now.group(g), DKEYS, body, null);
    }).thenCompose(r -> {
      ObjEnumReply b = r.body();
      Anchor next = b.getEof() ? (g + 1 < l.groups() ? Anchor.at(g + 1, new byte[0]) : Anchor.eof())
          : Anchor.at(g, b.getAnchor().toByteArray());
      if (b.getKeysCount() == 0 && !next.isEof()) {
        return dkeys(next, max);
      }
      return CompletableFuture.completedFuture(new KeyPage(keys(b), next));
    });
  }

  CompletableFuture<List<byte[]>> allDkeys() {
    List<byte[]> out = new ArrayList<>();
    return collect(Anchor.start(), out).thenApply(v -> out);
  }

  private CompletableFuture<Void> collect(Anchor a, List<byte[]> out) {
    return dkeys(a, 256).thenCompose(p -> {
      out.addAll(p.keys());
      return p.anchor().isEof() ? CompletableFuture.completedFuture(null) : collect(p.anchor(), out);
    });
  }

  CompletableFuture<KeyPage> akeys(byte[] dkey, Anchor anchor, int max) {
    checkMax(max);
    if (ec != null) {
      return ec.akeys(dkey, anchor, max);
    }
    if (anchor.isEof()) {
      return CompletableFuture.completedFuture(new KeyPage(List.of(), anchor));
    }
    ShardIo.Body body = (t, e) -> ObjEnumReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setMax(max).setDkey(ByteString.copyFrom(dkey))
        .setAnchor(ByteString.copyFrom(anchor.shardAnchor())).build();
    return inGroup(dkey, AKEYS, body).thenApply(b -> new KeyPage(keys(b), nextInDkey(b)));
  }

  CompletableFuture<RecxPage> recx(byte[] dkey, byte[] akey, Anchor anchor, int max) {
    checkMax(max);
    if (ec != null) {
      return ec.recx(dkey, akey, anchor, max);
    }
    if (anchor.isEof()) {
      return CompletableFuture.completedFuture(new RecxPage(List.of(), 0, anchor));
    }
    ShardIo.Body body = (t, e) -> ObjEnumReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setMax(max).setDkey(ByteString.copyFrom(dkey))
        .setAkey(ByteString.copyFrom(akey)).setAnchor(ByteString.copyFrom(anchor.shardAnchor())).build();
    return inGroup(dkey, RECXS, body).thenApply(b -> {
      List<Recx> recxs = b.getRecxsList().stream().map(e -> IodCodec.recx(e.getRecx())).toList();
      long rs = b.getRecxsList().stream().mapToLong(RecxEntry::getRecordSize).filter(s -> s > 0).findFirst()
          .orElse(0);
      return new RecxPage(recxs, rs, nextInDkey(b));
    });
  }

  private <T> CompletableFuture<T> inGroup(byte[] dkey, ShardIo.Call<T> call, ShardIo.Body body) {
    return obj.retryStale(() -> {
      Layout l = obj.layout();
      return obj.io().read(l.version(), l.group(l.groupOf(dkey)), call, body, null);
    }).thenApply(RpcReply::body);
  }

  private static Anchor nextInDkey(ObjEnumReply b) {
    return b.getEof() ? Anchor.eof() : Anchor.at(0, b.getAnchor().toByteArray());
  }

  private static List<byte[]> keys(ObjEnumReply b) {
    return b.getKeysList().stream().map(ByteString::toByteArray).toList();
  }

  CompletableFuture<QueryKey> queryKey(int flags, byte[] dkey, byte[] akey) {
    boolean max = (flags & QueryKey.GET_MAX) != 0;
    if (max == ((flags & QueryKey.GET_MIN) != 0)) {
      throw new DaosException(DaosStatus.INVAL, "query_key needs exactly one of GET_MAX and GET_MIN");
    }
    if (ec != null) {
      return ec.queryKey(flags, dkey, akey);
    }
    ShardIo.Body body = (t, e) -> {
      ObjQueryKeyReq.Builder b = ObjQueryKeyReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setFlags(flags);
      if (dkey != null) {
        b.setDkey(ByteString.copyFrom(dkey));
      }
      if (akey != null) {
        b.setAkey(ByteString.copyFrom(akey));
      }
      return b.build();
    };
    if ((flags & QueryKey.GET_DKEY) == 0) {
      DaosObject.checkKey(dkey, "dkey (query_key without GET_DKEY)");
      return inGroup(dkey, QUERY, body).thenApply(ObjectEnum::result);
    }
    return obj.retryStale(() -> {
      Layout l = obj.layout();
      List<CompletableFuture<QueryKey>> fs = new ArrayList<>();
      for (int g = 0; g < l.groups(); g++) {
        fs.add(obj.io().read(l.version(), l.group(g), QUERY, body, null).thenApply(r -> result(r.body()))
            .exceptionally(e -> {
              if (Futures.status(e) == DaosStatus.NONEXIST) {
                return null;
              }
              throw Futures.unwrap(e);
            }));
      }
      return Futures.all(fs).thenApply(rs -> best(rs, max));
    });
  }

  private static QueryKey result(ObjQueryKeyReply r) {
    return new QueryKey(r.getDkey().toByteArray(), r.getAkey().toByteArray(),
        r.hasRecx() ? IodCodec.recx(r.getRecx()) : null);
  }

  private static QueryKey best(List<QueryKey> rs, boolean max) {
    QueryKey best = null;
    for (QueryKey q : rs) {
      if (q == null) {
        continue;
      }
      if (best == null) {
        best = q;
        continue;
      }
      int c = Long.compareUnsigned(Keys.u64(q.dkey()), Keys.u64(best.dkey()));
      if (max ? c > 0 : c < 0) {
        best = q;
      }
    }
    if (best == null) {
      throw new DaosException(DaosStatus.NONEXIST, "query_key: no dkey matches");
    }
    return best;
  }
}
