package io.daos.client.fake;

import com.google.protobuf.ByteString;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.ObjEnumReply;
import io.daos.proto.obj.ObjEnumReq;
import io.daos.proto.obj.ObjQueryKeyReply;
import io.daos.proto.obj.ObjQueryKeyReq;
import io.daos.proto.obj.Recx;
import io.daos.proto.obj.RecxEntry;
import io.daos.rpc.ObjRpc;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** dkey/akey/recx enumeration (anchor = the last key returned) and query_key of a fake engine. */
final class FakeEnumHandlers {
  private final FakeEngine engine;

  FakeEnumHandlers(FakeEngine engine) {
    this.engine = engine;
  }

  void registerOn(CartServer s, FakeObjHandlers obj) {
    java.util.function.IntFunction<com.google.protobuf.MessageLite> err =
        st -> ObjEnumReply.newBuilder().setStatus(st).build();
    s.register(ObjRpc.DKEY_ENUMERATE, obj.guard(ObjRpc.DKEY_ENUMERATE, (q, r) -> enumerate(obj, q, r), err));
    s.register(ObjRpc.AKEY_ENUMERATE, obj.guard(ObjRpc.AKEY_ENUMERATE, (q, r) -> enumerate(obj, q, r), err));
    s.register(ObjRpc.RECX_ENUMERATE, obj.guard(ObjRpc.RECX_ENUMERATE, (q, r) -> enumerate(obj, q, r), err));
    s.register(ObjRpc.QUERY_KEY, obj.guard(ObjRpc.QUERY_KEY, (q, r) -> queryKey(obj, q, r),
        st -> ObjQueryKeyReply.newBuilder().setStatus(st).build()));
  }

  private void enumerate(FakeObjHandlers obj, CartRequest req, CartReplier reply) throws Exception {
    ObjEnumReq r = ObjEnumReq.parseFrom(req.body().nioBuffer());
    FakeObjStore st = obj.store(req, r.getTarget());
    ObjEnumReply.Builder b = ObjEnumReply.newBuilder().setMapVersion(obj.mv());
    synchronized (st) {
      TreeMap<byte[], TreeMap<byte[], FakeObjStore.Value>> dkeys = st.dkeys(FakeObjHandlers.oid(r.getTarget()), false);
      NavigableMap<byte[], ?> keys;
      int op = req.opcode().op();
      if (op == ObjRpc.OP_DKEY_ENUMERATE) {
        keys = dkeys == null ? new TreeMap<>(FakeObjStore.BYTES) : dkeys;
      } else {
        TreeMap<byte[], FakeObjStore.Value> ak = dkeys == null ? null : dkeys.get(r.getDkey().toByteArray());
        if (op == ObjRpc.OP_RECX_ENUMERATE) {
          recxs(ak == null ? null : ak.get(r.getAkey().toByteArray()), b);
          reply.ok(obj.mv(), FakeObjHandlers.body(b.setEof(true).build()));
          return;
        }
        keys = ak == null ? new TreeMap<>(FakeObjStore.BYTES) : ak;
      }
      NavigableMap<byte[], ?> rest = r.getAnchor().isEmpty() ? keys : keys.tailMap(r.getAnchor().toByteArray(), false);
      byte[] last = null;
      for (byte[] k : rest.keySet()) {
        if (b.getKeysCount() == r.getMax()) {
          break;
        }
        b.addKeys(ByteString.copyFrom(k));
        last = k;
      }
      boolean eof = last == null || rest.higherKey(last) == null;
      b.setEof(eof).setAnchor(last == null ? ByteString.EMPTY : ByteString.copyFrom(last));
    }
    reply.ok(obj.mv(), FakeObjHandlers.body(b.build()));
  }

  private static void recxs(FakeObjStore.Value v, ObjEnumReply.Builder b) {
    if (v == null) {
      return;
    }
    Long start = null;
    long prev = -2;
    for (long i : v.records.keySet()) {
      if (i != prev + 1 && start != null) {
        b.addRecxs(entry(start, prev - start + 1, v.recordSize));
        start = null;
      }
      if (start == null) {
        start = i;
      }
      prev = i;
    }
    if (start != null) {
      b.addRecxs(entry(start, prev - start + 1, v.recordSize));
    }
  }

  private static RecxEntry entry(long idx, long nr, long rs) {
    return RecxEntry.newBuilder().setRecx(Recx.newBuilder().setIdx(idx).setNr(nr)).setRecordSize(rs).build();
  }

  /** GET_DKEY|GET_RECX with GET_MAX or GET_MIN over integer dkeys, as arrays use it. */
  private void queryKey(FakeObjHandlers obj, CartRequest req, CartReplier reply) throws Exception {
    ObjQueryKeyReq r = ObjQueryKeyReq.parseFrom(req.body().nioBuffer());
    FakeObjStore st = obj.store(req, r.getTarget());
    boolean max = (r.getFlags() & 1) != 0;
    ObjQueryKeyReply.Builder b = ObjQueryKeyReply.newBuilder().setMapVersion(obj.mv());
    synchronized (st) {
      TreeMap<byte[], TreeMap<byte[], FakeObjStore.Value>> dkeys = st.dkeys(FakeObjHandlers.oid(r.getTarget()), false);
      if (dkeys == null) {
        throw new DaosException(DaosStatus.NONEXIST, "object does not exist");
      }
      List<Map.Entry<byte[], TreeMap<byte[], FakeObjStore.Value>>> es = new ArrayList<>(dkeys.entrySet());
      es.sort((x, y) -> Long.compareUnsigned(u64(x.getKey()), u64(y.getKey())) * (max ? -1 : 1));
      for (Map.Entry<byte[], TreeMap<byte[], FakeObjStore.Value>> e : es) {
        FakeObjStore.Value v = e.getValue().get(r.getAkey().toByteArray());
        if (v != null && !v.records.isEmpty()) {
          long i = max ? v.records.lastKey() : v.records.firstKey();
          b.setDkey(ByteString.copyFrom(e.getKey())).setAkey(r.getAkey())
              .setRecx(Recx.newBuilder().setIdx(i).setNr(1));
          reply.ok(obj.mv(), FakeObjHandlers.body(b.build()));
          return;
        }
      }
    }
    throw new DaosException(DaosStatus.NONEXIST, "no dkey with array records");
  }

  static long u64(byte[] k) {
    byte[] b = java.util.Arrays.copyOf(k, 8);
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
