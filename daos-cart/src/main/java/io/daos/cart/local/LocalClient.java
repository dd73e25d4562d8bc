package io.daos.cart.local;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartUri;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.cart.PeerAuth;
import io.daos.cart.auth.PeerHandshake;
import io.daos.cart.auth.PeerSession;
import io.daos.cart.context.PendingCalls;
import io.daos.common.DaemonThreads;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A CART-J client on the in-memory network, failing the way the TCP one does; with a key, each connection proves it
 * once before its first RPC, as on TCP.
 */
final class LocalClient implements CartClient {
  private final LocalTransport net;
  private final CartClient.Builder cfg;
  private final Map<String, Conn> connections = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final ScheduledExecutorService timers;
  private volatile boolean closed;

  /** One "connection": its calls, the server's view of its handshake, and when it may carry RPCs. */
  private static final class Conn {
    final PendingCalls pending;
    final PeerSession session = new PeerSession();
    final boolean keyed;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final java.util.concurrent.atomic.AtomicBoolean proving = new java.util.concurrent.atomic.AtomicBoolean();

    Conn(PendingCalls pending, boolean keyed) {
      this.pending = pending;
      this.keyed = keyed;
      if (!keyed) {
        ready.complete(null);
      }
    }
  }

  LocalClient(LocalTransport net, CartClient.Builder cfg) {
    this.net = net;
    this.cfg = cfg;
    this.timers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(cfg.name() + "-timer"));
  }

  @Override
  public CompletableFuture<CartReply> call(String uri, Opcode opcode, int target, int mapVersion, ByteBuf body,
      ByteBuf bulk, Duration timeout) {
    RpcFrame req = RpcFrame.request(opcode.code(), ids.incrementAndGet(), target, mapVersion, body, bulk);
    LocalServer server;
    try {
      CartUri.parse(uri);
      DaosException over = cfg.limits().refusal(req);
      if (over != null) {
        throw over;
      }
      server = closed ? null : net.lookup(uri);
    } catch (RuntimeException e) {
      req.release();
      return CompletableFuture.failedFuture(e);
    }
    if (server == null) {
      req.release();
      return CompletableFuture.failedFuture(new DaosException(closed ? DaosStatus.SHUTDOWN : DaosStatus.UNREACH,
          "cannot connect to " + uri));
    }
    Conn c = connection(uri, server, timeout);
    CompletableFuture<CartReply> f = c.pending.add(req.rpcId(), timeout);
    c.ready.whenComplete((v, err) -> {
      if (err != null) {
        req.release();
        c.pending.fail(req.rpcId(), PeerHandshake.statusOf(err), PeerHandshake.messageOf(err));
      } else {
        deliver(uri, server, c, req);
      }
    });
    return f;
  }

  private void deliver(String uri, LocalServer server, Conn c, RpcFrame req) {
    if (!server.deliver(req, cfg.name(), c.session, c.pending::complete)) {
      lost(uri, c, "connection to " + uri + " lost");
    }
  }

  private Conn connection(String uri, LocalServer server, Duration timeout) {
    PeerAuth auth = cfg.peerAuth();
    boolean keyed = auth != null && auth.keyed();
    Conn conn = connections.compute(uri, (k, old) -> {
      if (old != null && old.keyed == keyed) {
        return old;
      }
      Conn c = new Conn(new PendingCalls(uri, timers), keyed);
      server.onClose(() -> lost(uri, c, "connection to " + uri + " lost"));
      return c;
    });
    if (conn.keyed && conn.proving.compareAndSet(false, true)) {
      PeerHandshake.prove(auth, uri, (op, body) -> raw(uri, server, conn, op, body, timeout))
          .whenComplete((v, err) -> {
            if (err != null) {
              connections.remove(uri, conn);
              conn.ready.completeExceptionally(err);
            } else {
              conn.ready.complete(null);
            }
          });
    }
    return conn;
  }

  private CompletableFuture<CartReply> raw(String uri, LocalServer server, Conn c, Opcode op, byte[] body,
      Duration timeout) {
    RpcFrame req = RpcFrame.request(op.code(), ids.incrementAndGet(), 0, 0, Unpooled.wrappedBuffer(body), null);
    CompletableFuture<CartReply> f = c.pending.add(req.rpcId(), timeout);
    deliver(uri, server, c, req);
    return f;
  }

  private void lost(String uri, Conn c, String why) {
    connections.remove(uri, c);
    c.pending.failAll(DaosStatus.UNREACH, why);
  }

  @Override
  public void close() {
    closed = true;
    connections.forEach((uri, c) -> lost(uri, c, cfg.name() + " closed"));
    timers.shutdownNow();
  }
}
