package io.daos.engine;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The engine's data-plane TCP listener (Netty, epoll when available); serves {@link DataPlanePing} for now. */
public final class DataPlaneServer implements Closeable {
  private final EventLoopGroup group;
  private final Channel channel;

  private DataPlaneServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Binds {@code addr:port} (port 0 picks a free one). */
  public static DataPlaneServer start(InetAddress addr, int port, int threads) throws IOException {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
    try {
      Channel ch = new ServerBootstrap().group(group).channel(type)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(new FixedLengthFrameDecoder(DataPlanePing.FRAME_SIZE), new PingFrameHandler());
            }
          })
          .bind(new InetSocketAddress(addr, port)).sync().channel();
      return new DataPlaneServer(group, ch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new java.io.InterruptedIOException("data plane bind interrupted");
    } catch (Exception e) { // Netty rethrows bind errors (checked) from sync()
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new IOException("data plane: cannot listen on " + addr.getHostAddress() + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
