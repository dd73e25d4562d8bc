package io.daos.cart.netty;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartUri;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A CART-J client over TCP: one {@link NettyConnection} per endpoint URI. */
final class NettyClient implements CartClient {
  private final CartClient.Builder cfg;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final Map<String, NettyConnection> connections = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  NettyClient(NettyTransport transport, CartClient.Builder cfg) {
    this.cfg = cfg;
    this.group = transport.group(cfg.ioThreads(), cfg.name() + "-io");
    this.bootstrap = new Bootstrap().group(group).channel(transport.channel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.RCVBUF_ALLOCATOR, NettyTransport.recvAllocator())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) cfg.connectTimeout().toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new FrameDecoder(cfg.limits(), cfg.name()), FrameEncoder.INSTANCE,
                new ClientFrameHandler());
          }
        });
  }

  @Override
  public CompletableFuture<CartReply> call(String uri, Opcode opcode, int target, int mapVersion, ByteBuf body,
      ByteBuf bulk, Duration timeout) {
    RpcFrame req = RpcFrame.request(opcode.code(), ids.incrementAndGet(), target, mapVersion, body, bulk);
    NettyConnection conn;
    try {
      DaosException over = cfg.limits().refusal(req);
      if (over != null) {
        throw over;
      }
      conn = connection(uri);
    } catch (RuntimeException e) {
      ReferenceCountUtil.release(req);
      return CompletableFuture.failedFuture(e);
    }
    return conn.send(req, timeout);
  }

  private NettyConnection connection(String uri) {
    if (closed.get()) {
      throw new DaosException(DaosStatus.SHUTDOWN, cfg.name() + " is closed");
    }
    NettyConnection c = connections.get(uri);
    if (c != null && c.usable(cfg.peerAuth())) {
      return c;
    }
    CartUri parsed = CartUri.parse(uri);
    NettyConnection fresh = connections.compute(uri, (k, old) -> old != null && old.usable(cfg.peerAuth()) ? old
        : NettyConnection.open(bootstrap, parsed, cfg.peerAuth(), ids::incrementAndGet, cfg.connectTimeout(),
            conn -> connections.remove(k, conn)));
    if (c != null && c != fresh) {
      c.close(); // opened before this client had its key: it cannot carry server-only RPCs
    }
    return fresh;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connections.values().forEach(NettyConnection::close);
      NettyTransport.shutdown(group);
    }
  }

  /** How many endpoints have a live or opening connection (for tests). */
  int connectionCount() {
    return connections.size();
  }
}
