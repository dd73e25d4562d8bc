package io.daos.engine.obj;

import io.daos.rpc.ContRpc;
import io.daos.rpc.ObjRpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.EnumPage;
import io.daos.engine.vos.KeyQuery;
import io.daos.engine.vos.RecxEntry;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.obj.ObjEnumReply;
import io.daos.proto.obj.ObjEnumReq;
import io.daos.proto.obj.ObjQueryKeyReply;
import io.daos.proto.obj.ObjQueryKeyReq;
import java.util.List;
import java.util.function.IntFunction;

/** OBJ_DKEY/AKEY/RECX_ENUMERATE (one bounded batch per RPC, resumed with the returned anchor) and OBJ_QUERY_KEY. */
final class ObjEnumHandlers {
  /**
   * Key bytes in one dkey/akey enumeration reply (a page holds at least one key, however long): with 1 MiB keys a
   * page of {@code max} keys must still fit the reply frame's body.
   */
  static final int KEY_PAGE_BYTES = 1 << 20;

  private final ObjHandlers obj;

  ObjEnumHandlers(ObjHandlers obj) {
    this.obj = obj;
  }

  void registerOn(CartServer server) {
    IntFunction<MessageLite> enumErr = st -> ObjEnumReply.newBuilder().setStatus(st).build();
    for (Opcode opc : List.of(ObjRpc.DKEY_ENUMERATE, ObjRpc.AKEY_ENUMERATE, ObjRpc.RECX_ENUMERATE)) {
      server.register(opc, obj.metered(opc, obj.guarded(opc, this::enumerate, enumErr)));
    }
    server.register(ObjRpc.QUERY_KEY, obj.metered(ObjRpc.QUERY_KEY, obj.guarded(ObjRpc.QUERY_KEY, this::queryKey,
        st -> ObjQueryKeyReply.newBuilder().setStatus(st).build())));
  }

  private void enumerate(CartRequest req, CartReplier reply, int mv) throws Exception {
    ObjEnumReq r = ObjEnumReq.parseFrom(req.body().nioBuffer());
    VosContainer c = obj.container(req, r.getTarget(), ContRpc.CAPA_READ_DATA);
    VosObjectId oid = ObjCodec.oid(r.getTarget());
    long epoch = ObjCodec.readEpoch(r.getEpoch());
    int opc = req.opcode().op();
    obj.checkRead(req, r.getTarget(), c, opc == ObjRpc.OP_DKEY_ENUMERATE ? 0 : ObjCodec.dkeyHash(ObjCodec.dkey(r.getDkey())),
        epoch);
    Anchor anchor = Anchor.fromBytes(r.getAnchor().toByteArray());
    int max = r.getMax();
    ObjEnumReply.Builder b = ObjEnumReply.newBuilder().setMapVersion(mv);
    int op = req.opcode().op();
    Anchor next;
    if (op == ObjRpc.OP_RECX_ENUMERATE) {
      EnumPage<RecxEntry> page = c.listRecx(epoch, oid, ObjCodec.dkey(r.getDkey()), r.getAkey().toByteArray(),
          anchor, max);
      for (RecxEntry e : page.items()) {
        b.addRecxs(io.daos.proto.obj.RecxEntry.newBuilder().setRecx(ObjCodec.recx(e.recx())).setEpoch(e.epoch())
            .setRecordSize(e.recordSize()));
      }
      next = page.anchor();
    } else {
      EnumPage<byte[]> page = op == ObjRpc.OP_DKEY_ENUMERATE ? c.listDkeys(epoch, oid, anchor, max, KEY_PAGE_BYTES)
          : c.listAkeys(epoch, oid, ObjCodec.dkey(r.getDkey()), anchor, max, KEY_PAGE_BYTES);
      page.items().forEach(k -> b.addKeys(ByteString.copyFrom(k)));
      next = page.anchor();
    }
    reply.ok(mv, ObjHandlers.body(b.setAnchor(ByteString.copyFrom(next.toBytes())).setEof(next.eof()).build()));
  }

  private void queryKey(CartRequest req, CartReplier reply, int mv) throws Exception {
    ObjQueryKeyReq r = ObjQueryKeyReq.parseFrom(req.body().nioBuffer());
    VosContainer c = obj.container(req, r.getTarget(), ContRpc.CAPA_READ_DATA);
    byte[] dkey = r.getDkey().isEmpty() ? null : r.getDkey().toByteArray();
    byte[] akey = r.getAkey().isEmpty() ? null : r.getAkey().toByteArray();
    obj.checkRead(req, r.getTarget(), c, dkey == null || (r.getFlags() & KeyQuery.GET_DKEY) != 0 ? 0
        : ObjCodec.dkeyHash(dkey), ObjCodec.readEpoch(r.getEpoch()));
    KeyQuery q = c.queryKey(ObjCodec.readEpoch(r.getEpoch()), ObjCodec.oid(r.getTarget()), r.getFlags(), dkey,
        akey);
    ObjQueryKeyReply.Builder b = ObjQueryKeyReply.newBuilder().setMapVersion(mv);
    if (q.dkey() != null) {
      b.setDkey(ByteString.copyFrom(q.dkey()));
    }
    if (q.akey() != null) {
      b.setAkey(ByteString.copyFrom(q.akey()));
    }
    if (q.recx() != null) {
      b.setRecx(ObjCodec.recx(q.recx()));
    }
    reply.ok(mv, ObjHandlers.body(b.build()));
  }
}
