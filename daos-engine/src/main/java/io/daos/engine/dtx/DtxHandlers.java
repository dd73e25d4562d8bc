package io.daos.engine.dtx;

import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.DtxReply;
import io.daos.proto.obj.DtxReq;
import io.daos.rpc.DtxRpc;
import io.netty.buffer.Unpooled;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DTX module's RPC handlers (DAOS {@code dtx_srv.c} dtx_handler): COMMIT, ABORT, CHECK, REFRESH. */
public final class DtxHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(DtxHandlers.class);

  private final DtxService dtx;
  private final IntSupplier mapVersion;

  public DtxHandlers(DtxService dtx, IntSupplier mapVersion) {
    this.dtx = dtx;
    this.mapVersion = mapVersion;
  }

  public CartServer registerOn(CartServer server) {
    for (Opcode o : new Opcode[] {DtxRpc.COMMIT, DtxRpc.ABORT, DtxRpc.CHECK, DtxRpc.REFRESH}) {
      server.register(o, this::handle);
    }
    return server;
  }

  private void handle(CartRequest req, CartReplier reply) {
    int mv = mapVersion.getAsInt();
    DtxReq r;
    try {
      r = DtxReq.parseFrom(req.body().nioBuffer());
      dtx.handle(req.opcode().op(), req.target(), r).whenComplete((out, e) -> {
        if (e == null) {
          reply.ok(mv, Unpooled.wrappedBuffer(out.toByteArray()));
        } else {
          fail(req, reply, mv, Futures.cause(e));
        }
      });
    } catch (Exception e) {
      fail(req, reply, mv, e);
    }
  }

  private static void fail(CartRequest req, CartReplier reply, int mv, Throwable e) {
    DaosStatus st = e instanceof DaosException de ? de.status()
        : e instanceof com.google.protobuf.InvalidProtocolBufferException ? DaosStatus.INVAL : DaosStatus.MISC;
    LOG.debug("{} from {} failed: {}", req.opcode(), req.peer(), e.toString());
    reply.reply(st.code(), mv, Unpooled.wrappedBuffer(DtxReply.newBuilder().setStatus(st.code()).build()
        .toByteArray()), null);
  }
}
