package io.daos.client.fake;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.Iod;
import io.daos.proto.obj.IodType;
import io.daos.proto.obj.ObjPunchReply;
import io.daos.proto.obj.ObjPunchReq;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.rpc.ObjRpc;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** Update, fetch and punch of a fake engine rank over its targets' {@link FakeObjStore}s. */
final class FakeObjHandlers {
  private final FakeEngine engine;

  FakeObjHandlers(FakeEngine engine) {
    this.engine = engine;
  }

  void registerOn(CartServer s) {
    s.register(ObjRpc.UPDATE, guard(ObjRpc.UPDATE, this::update, st -> ObjRwReply.newBuilder().setStatus(st).build()));
    s.register(ObjRpc.FETCH, guard(ObjRpc.FETCH, this::fetch, st -> ObjRwReply.newBuilder().setStatus(st).build()));
    IntFunction<MessageLite> punchErr = st -> ObjPunchReply.newBuilder().setStatus(st).build();
    s.register(ObjRpc.PUNCH, guard(ObjRpc.PUNCH, this::punch, punchErr));
    s.register(ObjRpc.PUNCH_DKEYS, guard(ObjRpc.PUNCH_DKEYS, this::punch, punchErr));
    s.register(ObjRpc.PUNCH_AKEYS, guard(ObjRpc.PUNCH_AKEYS, this::punch, punchErr));
    new FakeEnumHandlers(engine).registerOn(s, this);
  }

  interface Op {
    void run(CartRequest req, CartReplier reply) throws Exception;
  }

  io.daos.cart.CartHandler guard(Opcode opc, Op op, IntFunction<MessageLite> err) {
    return (req, reply) -> {
      DaosStatus fault = engine.cluster().objFault(engine.rank());
      if (fault != null) {
        reply.error(fault, engine.cluster().mapVersion());
        return;
      }
      engine.cluster().record(engine.rank(), req.target(), opc);
      try {
        op.run(req, reply);
      } catch (DaosException e) {
        reply.reply(e.status().code(), mv(), body(err.apply(e.status().code())), null);
      }
    };
  }

  int mv() {
    return engine.cluster().mapVersion();
  }

  static io.netty.buffer.ByteBuf body(MessageLite m) {
    return Unpooled.wrappedBuffer(m.toByteArray());
  }

  FakeObjStore store(CartRequest req, ObjTarget t) {
    engine.cluster().checkHandle(t);
    return engine.store(req.target());
  }

  static FakeObjStore.Oid oid(ObjTarget t) {
    return new FakeObjStore.Oid(t.getOidHi(), t.getOidLo());
  }

  private void update(CartRequest req, CartReplier reply) throws Exception {
    ObjRwReq r = ObjRwReq.parseFrom(req.body().nioBuffer());
    FakeObjStore st = store(req, r.getTarget());
    byte[] bulk = new byte[req.bulk().readableBytes()];
    req.bulk().getBytes(req.bulk().readerIndex(), bulk);
    synchronized (st) {
      FakeObjStore.Oid oid = oid(r.getTarget());
      byte[] dkey = r.getDkey().toByteArray();
      boolean exists = st.dkeyExists(oid, dkey);
      if ((r.getFlags() & 2) != 0 && exists) {
        throw new DaosException(DaosStatus.EXIST, "dkey exists (DAOS_COND_DKEY_INSERT)");
      }
      if ((r.getFlags() & 4) != 0 && !exists) {
        throw new DaosException(DaosStatus.NONEXIST, "dkey does not exist (DAOS_COND_DKEY_UPDATE)");
      }
      TreeMap<byte[], FakeObjStore.Value> akeys = st.dkeys(oid, true)
          .computeIfAbsent(dkey, k -> new TreeMap<>(FakeObjStore.BYTES));
      int at = 0;
      for (Iod iod : r.getIodsList()) {
        FakeObjStore.Value v = akeys.computeIfAbsent(iod.getAkey().toByteArray(), k -> new FakeObjStore.Value());
        int len = (int) iod.getDataLen();
        if (iod.getType() == IodType.IOD_SINGLE) {
          v.single = java.util.Arrays.copyOfRange(bulk, at, at + len);
        } else {
          writeRecords(v, iod, bulk, at);
        }
        at += len;
      }
    }
    reply.ok(mv(), body(ObjRwReply.newBuilder().setMapVersion(mv()).setEpoch(r.getEpoch() == 0 ? 7 : r.getEpoch())
        .build()));
  }

  private static void writeRecords(FakeObjStore.Value v, Iod iod, byte[] bulk, int at) {
    int rs = (int) iod.getSize();
    if (rs != 0) {
      v.recordSize = rs;
    }
    int off = at;
    for (io.daos.proto.obj.Recx x : iod.getRecxsList()) {
      for (long i = x.getIdx(); i < x.getIdx() + x.getNr(); i++) {
        if (rs == 0) {
          v.records.remove(i);
        } else {
          v.records.put(i, java.util.Arrays.copyOfRange(bulk, off, off + rs));
          off += rs;
        }
      }
    }
  }

  private void fetch(CartRequest req, CartReplier reply) throws Exception {
    ObjRwReq r = ObjRwReq.parseFrom(req.body().nioBuffer());
    FakeObjStore st = store(req, r.getTarget());
    ObjRwReply.Builder b = ObjRwReply.newBuilder().setMapVersion(mv());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    synchronized (st) {
      FakeObjStore.Oid oid = oid(r.getTarget());
      byte[] dkey = r.getDkey().toByteArray();
      if ((r.getFlags() & 8) != 0 && !st.dkeyExists(oid, dkey)) {
        throw new DaosException(DaosStatus.NONEXIST, "dkey does not exist (DAOS_COND_DKEY_FETCH)");
      }
      for (Iod iod : r.getIodsList()) {
        FakeObjStore.Value v = st.value(oid, dkey, iod.getAkey().toByteArray());
        if ((r.getFlags() & 64) != 0 && v == null) {
          throw new DaosException(DaosStatus.NONEXIST, "akey does not exist (DAOS_COND_AKEY_FETCH)");
        }
        byte[] data = iod.getType() == IodType.IOD_SINGLE ? single(v, iod) : records(v, iod);
        long size = iod.getType() == IodType.IOD_SINGLE ? data.length : data.length == 0 ? 0 : v.recordSize;
        b.addIodSizes(size).addDataSizes(data.length).addMaps(io.daos.proto.obj.IodExtents.getDefaultInstance());
        out.writeBytes(data);
      }
    }
    reply.ok(mv(), body(b.build()), Unpooled.wrappedBuffer(out.toByteArray()));
  }

  private static byte[] single(FakeObjStore.Value v, Iod iod) {
    if (v == null || v.single == null) {
      return new byte[0];
    }
    if (iod.getSize() != 0 && iod.getSize() < v.single.length) {
      throw new DaosException(DaosStatus.REC2BIG, "value is " + v.single.length + " bytes, buffer " + iod.getSize());
    }
    return v.single.clone();
  }

  private static byte[] records(FakeObjStore.Value v, Iod iod) {
    if (v == null || v.records.isEmpty()) {
      return new byte[0];
    }
    int rs = (int) v.recordSize;
    long n = iod.getRecxsList().stream().mapToLong(io.daos.proto.obj.Recx::getNr).sum();
    byte[] out = new byte[(int) (n * rs)];
    boolean any = false;
    int at = 0;
    for (io.daos.proto.obj.Recx x : iod.getRecxsList()) {
      for (long i = x.getIdx(); i < x.getIdx() + x.getNr(); i++, at += rs) {
        byte[] rec = v.records.get(i);
        if (rec != null) {
          System.arraycopy(rec, 0, out, at, rs);
          any = true;
        }
      }
    }
    return any ? out : new byte[0];
  }

  private void punch(CartRequest req, CartReplier reply) throws Exception {
    ObjPunchReq r = ObjPunchReq.parseFrom(req.body().nioBuffer());
    FakeObjStore st = store(req, r.getTarget());
    int op = req.opcode().op();
    FakeObjStore.Oid oid = oid(r.getTarget());
    if (op == ObjRpc.OP_PUNCH) {
      st.punchObject(oid);
    } else if (op == ObjRpc.OP_PUNCH_DKEYS) {
      st.punchDkeys(oid, r.getDkeysList().stream().map(ByteString::toByteArray).toList(), (r.getFlags() & 1) != 0);
    } else {
      List<byte[]> akeys = r.getAkeysList().stream().map(ByteString::toByteArray).toList();
      st.punchAkeys(oid, r.getDkey().toByteArray(), akeys);
    }
    reply.ok(mv(), body(ObjPunchReply.newBuilder().setMapVersion(mv()).setEpoch(r.getEpoch() == 0 ? 7 : r.getEpoch())
        .build()));
  }
}
