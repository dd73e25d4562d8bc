package io.daos.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers {@link DataPlanePing} frames; closes the connection on anything else. */
final class PingFrameHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger LOG = LoggerFactory.getLogger(PingFrameHandler.class);

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    if (frame.getInt(frame.readerIndex()) != DataPlanePing.REQUEST_MAGIC) {
      LOG.warn("data plane: unknown frame from {}; closing the connection", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    long token = frame.getLong(frame.readerIndex() + 4);
    ctx.writeAndFlush(ctx.alloc().buffer(DataPlanePing.FRAME_SIZE).writeInt(DataPlanePing.RESPONSE_MAGIC)
        .writeLong(token));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("data plane: connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
