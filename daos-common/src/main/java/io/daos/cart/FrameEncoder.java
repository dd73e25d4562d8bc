package io.daos.cart;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Writes an {@link RpcFrame} as a header buffer followed by the body and bulk buffers themselves,
 * gathered into one composite write: the payload is never copied.
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
    ByteBuf header = ctx.alloc().directBuffer(RpcFrame.HEADER_SIZE);
    writeHeader(f, header);
    CompositeByteBuf out = ctx.alloc().compositeDirectBuffer(3);
    out.addComponents(true, header, f.body().retain(), f.bulk().retain());
    f.release();
    ctx.write(out, promise);
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
