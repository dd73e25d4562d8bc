package io.daos.cart.netty;

import io.daos.cart.RpcFrame;
import io.daos.cart.auth.PeerSession;
import io.daos.cart.context.Dispatcher;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each decoded request to the dispatcher; replies are written back from whichever thread
 * sends them, batched per channel ({@link WriteBatcher}). */
final class ServerFrameHandler extends SimpleChannelInboundHandler<RpcFrame> {
  private static final Logger LOG = LoggerFactory.getLogger(ServerFrameHandler.class);

  private final Dispatcher dispatcher;
  private final String name;
  private final PeerSession session = new PeerSession();
  private WriteBatcher replies;

  ServerFrameHandler(Dispatcher dispatcher, String name) {
    super(false);
    this.dispatcher = dispatcher;
    this.name = name;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    replies = new WriteBatcher(ctx.channel());
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RpcFrame req) {
    Channel ch = ctx.channel();
    dispatcher.dispatch(req, String.valueOf(ch.remoteAddress()), session, replies::write);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.debug("{}: connection from {} failed: {}", name, ctx.channel().remoteAddress(), cause.toString());
    } else {
      LOG.warn("{}: closing connection from {}: {}", name, ctx.channel().remoteAddress(), cause.toString());
    }
    ctx.close();
  }
}
