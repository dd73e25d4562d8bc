package io.daos.cart.netty;

import io.daos.cart.CartReply;
import io.daos.cart.CartUri;
import io.daos.cart.RpcFrame;
import io.daos.cart.PeerAuth;
import io.daos.cart.auth.PeerHandshake;
import io.daos.cart.context.PendingCalls;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One TCP connection to one endpoint and the RPCs waiting on it. When it fails to open or is lost, its
 * calls fail with DER_UNREACH and it drops out of the client's table, so the next call reconnects. With a key, the
 * connection proves it ({@link PeerHandshake}) before its first RPC; a failed proof fails its calls with DER_NO_PERM
 * and drops it the same way.
 */
final class NettyConnection {
  private final CartUri uri;
  private final ChannelFuture connect;
  private final PendingCalls pending;
  private final WriteBatcher out;
  private final boolean keyed;
  /** Completes once the connection may carry RPCs: connected and, with a key, proved it. */
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  private NettyConnection(CartUri uri, ChannelFuture connect, boolean keyed) {
    this.uri = uri;
    this.connect = connect;
    this.keyed = keyed;
    this.pending = new PendingCalls(uri.toString(), connect.channel().eventLoop());
    this.out = new WriteBatcher(connect.channel());
  }

  /**
   * Opens a connection to {@code uri}; with {@code auth} holding a key, proves it (ids of the handshake's RPCs from
   * {@code ids}) before the first RPC goes out.
   */
  static NettyConnection open(Bootstrap b, CartUri uri, PeerAuth auth, LongSupplier ids,
      Duration handshakeTimeout, Consumer<NettyConnection> onLost) {
    boolean keyed = auth != null && auth.keyed();
    NettyConnection c = new NettyConnection(uri, b.connect(uri.host(), uri.port()), keyed);
    Channel ch = c.connect.channel();
    ch.attr(ClientFrameHandler.PENDING).set(c.pending);
    c.connect.addListener(f -> {
      if (!f.isSuccess()) {
        onLost.accept(c);
        c.pending.failAll(DaosStatus.UNREACH, "cannot connect to " + uri + ": " + f.cause());
        c.ready.completeExceptionally(new DaosException(DaosStatus.UNREACH, "cannot connect to " + uri + ": "
            + f.cause()));
      } else if (!keyed) {
        c.ready.complete(null);
      } else {
        c.prove(auth, ids, handshakeTimeout, onLost);
      }
    });
    ch.closeFuture().addListener(f -> {
      onLost.accept(c);
      c.pending.failAll(DaosStatus.UNREACH, "connection to " + uri + " lost");
    });
    return c;
  }

  private void prove(PeerAuth auth, LongSupplier ids, Duration timeout, Consumer<NettyConnection> onLost) {
    Channel ch = connect.channel();
    PeerHandshake.prove(auth, uri.toString(), (op, body) -> {
      RpcFrame req = RpcFrame.request(op.code(), ids.getAsLong(), 0, 0, Unpooled.wrappedBuffer(body), null);
      CompletableFuture<CartReply> f = pending.add(req.rpcId(), timeout);
      write(ch, req, req.rpcId());
      return f;
    }).whenComplete((v, err) -> {
      if (err == null) {
        ready.complete(null);
        return;
      }
      onLost.accept(this);
      ready.completeExceptionally(err);
      ch.close();
    });
  }

  /** True while the connection is opening or open, and proving the key {@code auth} holds now, if any. */
  boolean usable(PeerAuth auth) {
    boolean keyedNow = auth != null && auth.keyed();
    return keyedNow == keyed && (!ready.isDone() || !ready.isCompletedExceptionally() && connect.channel().isActive());
  }

  CompletableFuture<CartReply> send(RpcFrame req, Duration timeout) {
    Channel ch = connect.channel();
    long id = req.rpcId();
    CompletableFuture<CartReply> f = pending.add(id, timeout);
    if (ready.isDone() && !ready.isCompletedExceptionally()) {
      write(ch, req, id);
    } else {
      ready.whenComplete((v, err) -> {
        if (err == null) {
          write(ch, req, id);
        } else {
          ReferenceCountUtil.release(req);
          pending.fail(id, PeerHandshake.statusOf(err), PeerHandshake.messageOf(err));
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
