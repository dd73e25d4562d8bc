package io.daos.cart.netty;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** CART-J over TCP through Netty: epoll when it loads (and is wanted), NIO otherwise. */
public final class NettyTransport extends CartTransport {
  public static final NettyTransport EPOLL_PREFERRED = new NettyTransport(true);
  public static final NettyTransport NIO = new NettyTransport(false);

  private final boolean epoll;

  private NettyTransport(boolean preferEpoll) {
    this.epoll = preferEpoll && Epoll.isAvailable();
  }

  @Override
  protected CartServer newServer(CartServer.Builder b) {
    return new NettyServer(this, b);
  }

  @Override
  protected CartClient newClient(CartClient.Builder b) {
    return new NettyClient(this, b);
  }

  boolean epoll() {
    return epoll;
  }

  EventLoopGroup group(int threads, String name) {
    IoHandlerFactory f = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), f);
  }

  Class<? extends ServerChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  Class<? extends SocketChannel> channel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /** Shuts a group down at once and waits briefly for its threads. */
  /**
   * Receive buffers that grow to 1 MiB per read (Netty's default stops at 64 KiB): a 1 MiB bulk frame comes in with
   * a few reads instead of sixteen.
   */
  static RecvByteBufAllocator recvAllocator() {
    return new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 1 << 20);
  }

  static void shutdown(EventLoopGroup g) {
    g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return epoll ? "tcp(epoll)" : "tcp(nio)";
  }
}
