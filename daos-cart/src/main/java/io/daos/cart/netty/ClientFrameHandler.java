package io.daos.cart.netty;

import io.daos.cart.RpcFrame;
import io.daos.cart.context.PendingCalls;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Matches replies to waiting calls by rpc id. */
final class ClientFrameHandler extends SimpleChannelInboundHandler<RpcFrame> {
  static final AttributeKey<PendingCalls> PENDING = AttributeKey.valueOf("cart.pending");
  private static final Logger LOG = LoggerFactory.getLogger(ClientFrameHandler.class);

  ClientFrameHandler() {
    super(false);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RpcFrame reply) {
    ctx.channel().attr(PENDING).get().complete(reply);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("CART-J connection to {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
