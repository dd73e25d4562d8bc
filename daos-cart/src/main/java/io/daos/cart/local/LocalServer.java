package io.daos.cart.local;

import io.daos.cart.CartHandler;
import io.daos.cart.CartServer;
import io.daos.cart.CartUri;
import io.daos.cart.Opcode;
import io.daos.cart.CartLimits;
import io.daos.cart.RpcFrame;
import io.daos.cart.auth.PeerSession;
import io.daos.common.status.DaosStatus;
import io.daos.cart.context.Dispatcher;
import io.daos.cart.context.TargetExecutors;
import io.daos.common.LifeCycle;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** A CART-J server on the in-memory network; shares the dispatcher and executors with the TCP one. */
final class LocalServer implements CartServer {
  private final LocalTransport net;
  private final CartServer.Builder cfg;
  private final LifeCycle life;
  private final TargetExecutors targets;
  private final Dispatcher dispatcher;
  private final Set<Runnable> onClose = new CopyOnWriteArraySet<>();
  private CartUri uri;

  LocalServer(LocalTransport net, CartServer.Builder cfg) {
    this.net = net;
    this.cfg = cfg;
    this.uri = CartUri.parse(cfg.uri());
    this.life = new LifeCycle(cfg.name() + " CART-J server (in-memory)");
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
    uri = net.bind(uri, this);
    life.transition(LifeCycle.State.RUNNING);
    return this;
  }

  /**
   * Accepts {@code req} as the TCP server would: a request over the limits is answered with an error, alone;
   * false when the server is not running (the connection drops).
   */
  boolean deliver(RpcFrame req, String peer, PeerSession session, Consumer<RpcFrame> sink) {
    if (!life.isRunning()) {
      req.release();
      return false;
    }
    DaosStatus over = cfg.limits().violation(req.body().readableBytes(), req.bulk().readableBytes());
    if (over != null) {
      req.release();
      sink.accept(CartLimits.errorReply(req, over));
      return true;
    }
    dispatcher.dispatch(req, peer, session, sink);
    return true;
  }

  /** Runs {@code r} when the server closes (a client's "connection lost"). */
  void onClose(Runnable r) {
    onClose.add(r);
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
    net.unbind(uri, this);
    onClose.forEach(Runnable::run);
    targets.close();
    life.transition(LifeCycle.State.CLOSED);
  }
}
