package io.daos.cart.netty;

import io.daos.cart.RpcFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Writes an {@link RpcFrame} as two buffers: the header with the (small, protobuf) body copied after it, in one
 * direct buffer, then the bulk buffer itself. The bulk is never copied here; a direct bulk (a fetch read from the
 * blob) goes to the socket as it is, a heap one is copied once by the transport. (A composite of header, body and
 * bulk would not be: the epoll transport flattens a composite with any heap part through a heap copy, then copies
 * that into direct memory.)
 */
@Sharable
final class FrameEncoder extends ChannelOutboundHandlerAdapter {
  static final FrameEncoder INSTANCE = new FrameEncoder();

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof RpcFrame)) {
      ctx.write(msg, promise);
      return;
    }
    RpcFrame f = (RpcFrame) msg;
    ByteBuf body = f.body();
    ByteBuf head = ctx.alloc().directBuffer(RpcFrame.HEADER_SIZE + body.readableBytes());
    writeHeader(f, head);
    head.writeBytes(body, body.readerIndex(), body.readableBytes());
    ByteBuf bulk = f.bulk().retain();
    f.release();
    if (!bulk.isReadable()) {
      bulk.release();
      ctx.write(head, promise);
      return;
    }
    ctx.write(head);
    ctx.write(bulk, promise);
  }

  static void writeHeader(RpcFrame f, ByteBuf h) {
    int body = f.body().readableBytes();
    int bulk = f.bulk().readableBytes();
    h.writeInt(RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD + body + bulk);
    h.writeShort(RpcFrame.MAGIC);
    h.writeByte(RpcFrame.WIRE_VERSION);
    h.writeByte(f.flags());
    h.writeInt(f.opcode());
    h.writeLong(f.rpcId());
    h.writeInt(f.target());
    h.writeInt(f.mapVersion());
    h.writeInt(f.status());
    h.writeInt(body);
    h.writeInt(bulk);
  }
}
