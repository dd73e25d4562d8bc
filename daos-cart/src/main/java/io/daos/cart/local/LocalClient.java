package io.daos.cart.local;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartUri;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.cart.context.PendingCalls;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** A CART-J client on the in-memory network, failing the way the TCP one does. */
final class LocalClient implements CartClient {
  private final LocalTransport net;
  private final CartClient.Builder cfg;
  private final Map<String, PendingCalls> connections = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final ScheduledExecutorService timers;
  private volatile boolean closed;

  LocalClient(LocalTransport net, CartClient.Builder cfg) {
    this.net = net;
    this.cfg = cfg;
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, cfg.name() + "-timer");
      t.setDaemon(true);
      return t;
    });
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
    PendingCalls pending = connection(uri, server);
    CompletableFuture<CartReply> f = pending.add(req.rpcId(), timeout);
    if (!server.deliver(req, cfg.name(), pending::complete)) {
      lost(uri, pending, "connection to " + uri + " lost");
    }
    return f;
  }

  private PendingCalls connection(String uri, LocalServer server) {
    return connections.computeIfAbsent(uri, k -> {
      PendingCalls p = new PendingCalls(uri, timers);
      server.onClose(() -> lost(uri, p, "connection to " + uri + " lost"));
      return p;
    });
  }

  private void lost(String uri, PendingCalls p, String why) {
    connections.remove(uri, p);
    p.failAll(DaosStatus.UNREACH, why);
  }

  @Override
  public void close() {
    closed = true;
    connections.forEach((uri, p) -> lost(uri, p, cfg.name() + " closed"));
    timers.shutdownNow();
  }
}
