package io.daos.cart.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The floor CART-J is compared with: length-prefixed frames over plain Netty, echoed on the I/O thread
 * (a frame over 1 KiB is answered with a 64-byte ack), driven by one blocking caller.
 */
final class RawNettyPingPong implements AutoCloseable {
  private final boolean epoll = Epoll.isAvailable();
  private final EventLoopGroup serverGroup = group(2);
  private final EventLoopGroup clientGroup = group(1);
  private final Channel server;
  private final Channel client;
  private volatile CompletableFuture<ByteBuf> waiting;

  RawNettyPingPong() {
    server = new ServerBootstrap().group(serverGroup).channel(epoll ? EpollServerSocketChannel.class
        : NioServerSocketChannel.class).childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(init(new Echo())).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    int port = ((InetSocketAddress) server.localAddress()).getPort();
    client = new Bootstrap().group(clientGroup).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true).handler(init(new Catcher()))
        .connect("127.0.0.1", port).syncUninterruptibly().channel();
  }

  private EventLoopGroup group(int n) {
    return new MultiThreadIoEventLoopGroup(n, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  private static ChannelInitializer<SocketChannel> init(SimpleChannelInboundHandler<ByteBuf> h) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(128 << 20, 0, 4, 0, 4), new LengthFieldPrepender(4), h);
      }
    };
  }

  /** Sends {@code payload} (retained) and waits for the answer. */
  void roundTrip(ByteBuf payload) throws Exception {
    CompletableFuture<ByteBuf> f = new CompletableFuture<>();
    waiting = f;
    client.writeAndFlush(payload.retainedDuplicate());
    f.get(10, TimeUnit.SECONDS).release();
  }

  private final class Catcher extends SimpleChannelInboundHandler<ByteBuf> {
    Catcher() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      waiting.complete(msg);
    }
  }

  @io.netty.channel.ChannelHandler.Sharable
  private static final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
    Echo() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      if (msg.readableBytes() > 1024) {
        msg.release();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[64]));
      } else {
        ctx.writeAndFlush(msg);
      }
    }
  }

  @Override
  public void close() {
    client.close().syncUninterruptibly();
    server.close().syncUninterruptibly();
    clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
