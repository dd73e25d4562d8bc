package io.daos.cart.netty;

import io.daos.cart.CartReply;
import io.daos.cart.CartUri;
import io.daos.cart.RpcFrame;
import io.daos.cart.context.PendingCalls;
import io.daos.common.status.DaosStatus;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One TCP connection to one endpoint and the RPCs waiting on it. When it fails to open or is lost, its
 * calls fail with DER_UNREACH and it drops out of the client's table, so the next call reconnects.
 */
final class NettyConnection {
  private final CartUri uri;
  private final ChannelFuture connect;
  private final PendingCalls pending;
  private final WriteBatcher out;

  private NettyConnection(CartUri uri, ChannelFuture connect) {
    this.uri = uri;
    this.connect = connect;
    this.pending = new PendingCalls(uri.toString(), connect.channel().eventLoop());
    this.out = new WriteBatcher(connect.channel());
  }

  static NettyConnection open(Bootstrap b, CartUri uri, Consumer<NettyConnection> onLost) {
    NettyConnection c = new NettyConnection(uri, b.connect(uri.host(), uri.port()));
    Channel ch = c.connect.channel();
    ch.attr(ClientFrameHandler.PENDING).set(c.pending);
    c.connect.addListener(f -> {
      if (!f.isSuccess()) {
        onLost.accept(c);
        c.pending.failAll(DaosStatus.UNREACH, "cannot connect to " + uri + ": " + f.cause());
      }
    });
    ch.closeFuture().addListener(f -> {
      onLost.accept(c);
      c.pending.failAll(DaosStatus.UNREACH, "connection to " + uri + " lost");
    });
    return c;
  }

  /** True while the connection is opening or open. */
  boolean usable() {
    return !connect.isDone() || connect.isSuccess() && connect.channel().isActive();
  }

  CompletableFuture<CartReply> send(RpcFrame req, Duration timeout) {
    Channel ch = connect.channel();
    long id = req.rpcId();
    CompletableFuture<CartReply> f = pending.add(id, timeout);
    if (connect.isSuccess()) {
      write(ch, req, id);
    } else {
      connect.addListener(c -> {
        if (c.isSuccess()) {
          write(ch, req, id);
        } else {
          ReferenceCountUtil.release(req);
          // The open listener fails the calls pending when the connect fails; a call added after that is failed here.
          pending.fail(id, DaosStatus.UNREACH, "cannot connect to " + uri + ": " + c.cause());
        }
      });
    }
    return f;
  }

  private void write(Channel ch, RpcFrame req, long id) {
    ChannelPromise sent = ch.newPromise();
    sent.addListener(w -> {
      if (!w.isSuccess()) {
        pending.fail(id, DaosStatus.UNREACH, "cannot send to " + uri + ": " + w.cause());
      }
    });
    out.write(req, sent);
  }

  void close() {
    connect.channel().close();
  }
}
