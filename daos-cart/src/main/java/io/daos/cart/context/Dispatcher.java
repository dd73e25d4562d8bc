package io.daos.cart.context;

import io.daos.cart.FaultInjection;
import io.daos.cart.RpcCounters;
import io.daos.cart.auth.PeerGate;
import io.daos.cart.auth.PeerSession;

import io.daos.cart.CartHandler;
import io.daos.cart.CartLimits;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.common.LogLimiter;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side shared by every transport: finds the handler of a request's opcode and runs it on the
 * request's target executor. Unregistered opcodes get DER_UNREG as DAOS's crt does. A fault armed in
 * {@link FaultInjection} for the opcode acts here, before the handler; {@link RpcCounters} counts the requests,
 * what the handlers took and the replies.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  /** A peer can make the lines about its own bad requests repeat; each kind is rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();
  /** How often a request held by a HOLD fault checks whether the fault is still armed. */
  private static final Duration HOLD_CHECK = Duration.ofMillis(10);

  private final String name;
  private final Map<Integer, CartHandler> handlers = new ConcurrentHashMap<>();
  private final TargetExecutors targets;
  private final IntSupplier mapVersion;
  private final FaultInjection faults;
  private final RpcCounters counters;
  private final CartLimits limits;
  private final PeerGate gate;

  private Dispatcher(String name, TargetExecutors targets, IntSupplier mapVersion, FaultInjection faults,
      RpcCounters counters, CartLimits limits, PeerGate gate) {
    this.name = name;
    this.gate = gate;
    this.limits = limits;
    this.targets = targets;
    this.mapVersion = mapVersion;
    this.faults = faults;
    this.counters = counters;
  }

  /** The dispatcher of a server built from {@code cfg}, running handlers on {@code targets}. */
  public static Dispatcher forServer(CartServer.Builder cfg, TargetExecutors targets) {
    PeerGate gate = cfg.peerAuth() == null ? null : new PeerGate(cfg.peerAuth(), cfg.mapVersion(), System::nanoTime);
    return new Dispatcher(cfg.name(), targets, cfg.mapVersion(), cfg.faults(), cfg.counters(), cfg.limits(), gate);
  }

  /** {@code sink}, where a reply over the limits goes as an error reply instead (the caller could not take it). */
  private Consumer<RpcFrame> limited(Consumer<RpcFrame> sink) {
    return r -> {
      DaosStatus over = limits.violation(r.body().readableBytes(), r.bulk().readableBytes());
      if (over == null) {
        sink.accept(r);
        return;
      }
      LOG.info("{}: replying {} instead of {}: {}", name, over.symbol(), r, limits.describe(r.body().readableBytes(),
          r.bulk().readableBytes()));
      RpcFrame err = CartLimits.errorReply(r, over);
      r.release();
      sink.accept(err);
    };
  }

  public void register(Opcode opcode, CartHandler handler) {
    if (handlers.putIfAbsent(opcode.code(), handler) != null) {
      throw new IllegalArgumentException(name + ": opcode " + opcode + " already has a handler");
    }
  }

  /** The opcodes that have a handler. */
  public java.util.Set<Integer> registered() {
    return java.util.Set.copyOf(handlers.keySet());
  }

  /**
   * Hands {@code req}, which came on the connection whose handshake state is {@code session}, to its target; the
   * reply (or error) goes to {@code sink}. Never runs a handler here. With peer authentication on, the handshake is
   * answered here and server-only opcodes on an unproven connection are refused with DER_NO_PERM.
   */
  public void dispatch(RpcFrame req, String peer, PeerSession session, Consumer<RpcFrame> replies) {
    Consumer<RpcFrame> sink = limited(replies);
    if (req.isReply()) {
      LOG_LIMIT.warn(LOG, "reply as request", "{}: dropping a reply frame sent as a request by {}: {}", name, peer,
          req);
      req.release();
      return;
    }
    counters.received();
    RpcFrame refusal = gate == null ? null : gate.check(req, session, peer);
    if (refusal != null) {
      req.release();
      counters.answered(true);
      sink.accept(refusal);
      return;
    }
    CartHandler h = handlers.get(req.opcode());
    Executor ex = targets.forTarget(req.target());
    if (h == null || ex == null) {
      refuse(req, peer, sink, h == null ? DaosStatus.UNREG : DaosStatus.NONEXIST);
      return;
    }
    FaultInjection.Fault fault = faults.match(req.opcode());
    if (fault != null && injectBefore(fault, req, peer, sink)) {
      return;
    }
    boolean fromEngine = gate == null || gate.fromEngine(session);
    FrameReplier replier = new FrameReplier(req, fault == null ? sink : faultySink(fault, sink), counters);
    if (fault != null && fault.action() == FaultInjection.Action.HOLD) {
      LOG.info("{}: fault {} holds {} from {} until it is disarmed", name, fault.point(), req, peer);
      hold(fault, req.opcode(), ex, () -> run(h, new CartRequest(req, peer, fromEngine), replier), replier);
      return;
    }
    Executor target = fault == null || fault.action() != FaultInjection.Action.DELAY ? ex
        : CompletableFuture.delayedExecutor(fault.delay().toNanos(), TimeUnit.NANOSECONDS, ex);
    execute(target, () -> run(h, new CartRequest(req, peer, fromEngine), replier), replier);
  }

  private void execute(Executor target, Runnable task, FrameReplier replier) {
    try {
      target.execute(task);
    } catch (RejectedExecutionException e) {
      replier.error(DaosStatus.SHUTDOWN, mapVersion.getAsInt());
    }
  }

  /** Runs {@code task} on {@code ex} once {@code fault} is no longer armed for {@code opcode}, checking every tick. */
  private void hold(FaultInjection.Fault fault, int opcode, Executor ex, Runnable task, FrameReplier replier) {
    if (!faults.armed(opcode, fault)) {
      execute(ex, task, replier);
      return;
    }
    CompletableFuture.delayedExecutor(HOLD_CHECK.toNanos(), TimeUnit.NANOSECONDS)
        .execute(() -> hold(fault, opcode, ex, task, replier));
  }

  /** DROP_REQUEST and FAIL act instead of the handler: true when {@code req} is dealt with. */
  private boolean injectBefore(FaultInjection.Fault fault, RpcFrame req, String peer, Consumer<RpcFrame> sink) {
    switch (fault.action()) {
      case DROP_REQUEST -> {
        LOG.info("{}: fault {} drops {} from {}", name, fault.point(), req, peer);
        req.release();
        counters.answered(false);
        return true;
      }
      case FAIL -> {
        LOG.info("{}: fault {} fails {} from {} with {}", name, fault.point(), req, peer, fault.status().symbol());
        new FrameReplier(req, sink, counters).error(fault.status(), mapVersion.getAsInt());
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private Consumer<RpcFrame> faultySink(FaultInjection.Fault fault, Consumer<RpcFrame> sink) {
    if (fault.action() != FaultInjection.Action.DROP_REPLY) {
      return sink;
    }
    return reply -> {
      LOG.info("{}: fault {} drops the reply {}", name, fault.point(), reply);
      reply.release();
    };
  }

  private void refuse(RpcFrame req, String peer, Consumer<RpcFrame> sink, DaosStatus status) {
    LOG.debug("{}: {} for {} from {} (targets: {})", name, status.symbol(), req, peer, targets.size());
    new FrameReplier(req, sink, counters).error(status, mapVersion.getAsInt());
  }

  private void run(CartHandler h, CartRequest req, FrameReplier replier) {
    counters.served(req.opcode().code());
    try {
      h.handle(req, replier);
    } catch (Exception | Error e) {
      DaosStatus st = e instanceof DaosException ? ((DaosException) e).status() : DaosStatus.MISC;
      LOG_LIMIT.warn(LOG, "handler failure", "{}: handler for {} failed: {}", name, req, e.toString(), e);
      if (!replier.done()) {
        replier.error(st, mapVersion.getAsInt());
      }
    }
  }
}
