package io.daos.cart.netty;

import io.daos.cart.CartHandler;
import io.daos.cart.CartServer;
import io.daos.cart.CartUri;
import io.daos.cart.Opcode;
import io.daos.cart.context.Dispatcher;
import io.daos.cart.context.TargetExecutors;
import io.daos.common.LifeCycle;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A CART-J server on a TCP socket. */
final class NettyServer implements CartServer {
  private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);

  private final NettyTransport transport;
  private final CartServer.Builder cfg;
  private final LifeCycle life;
  private final TargetExecutors targets;
  private final Dispatcher dispatcher;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private CartUri uri;
  private EventLoopGroup boss;
  private EventLoopGroup workers;

  NettyServer(NettyTransport transport, CartServer.Builder cfg) {
    this.transport = transport;
    this.cfg = cfg;
    this.uri = CartUri.parse(cfg.uri());
    this.life = new LifeCycle(cfg.name() + " CART-J server");
    this.targets = new TargetExecutors(cfg.name(), cfg.targets(), cfg.targetExecutor());
    this.dispatcher = Dispatcher.forServer(cfg, targets);
  }

  @Override
  public CartServer register(Opcode opcode, CartHandler handler) {
    dispatcher.register(opcode, handler);
    return this;
  }

  @Override
  public java.util.Set<Integer> registered() {
    return dispatcher.registered();
  }

  @Override
  public CartServer start() {
    life.transition(LifeCycle.State.STARTING);
    boss = transport.group(1, cfg.name() + "-cart-accept");
    workers = transport.group(cfg.ioThreads(), cfg.name() + "-cart-io");
    try {
      Channel ch = bootstrap().bind(uri.host(), uri.port()).syncUninterruptibly().channel();
      channels.add(ch);
      uri = uri.withPort(((InetSocketAddress) ch.localAddress()).getPort());
    } catch (Exception e) {
      life.transition(LifeCycle.State.FAILED);
      close();
      throw new DaosException(DaosStatus.INVAL, "CART-J cannot listen on " + uri + " (" + e
          + "); choose a free port and a local address", e);
    }
    life.transition(LifeCycle.State.RUNNING);
    LOG.info("{}: CART-J listening on {} ({}, {} targets)", cfg.name(), uri, transport, targets.size());
    return this;
  }

  private ServerBootstrap bootstrap() {
    return new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, NettyTransport.recvAllocator())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            channels.add(ch);
            ch.pipeline().addLast(new FrameDecoder(cfg.limits(), cfg.name() + " server"), FrameEncoder.INSTANCE,
                new ServerFrameHandler(dispatcher, cfg.name()));
          }
        });
  }

  @Override
  public String uri() {
    return uri.toString();
  }

  @Override
  public void close() {
    if (!life.checkStateAndClose()) {
      return;
    }
    channels.close().awaitUninterruptibly();
    if (boss != null) {
      NettyTransport.shutdown(boss);
      NettyTransport.shutdown(workers);
    }
    targets.close();
    life.transition(LifeCycle.State.CLOSED);
  }
}
