package io.daos.cart.context;

import io.daos.cart.CartHandler;
import io.daos.cart.CartRequest;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side shared by every transport: finds the handler of a request's opcode and runs it on the
 * request's target executor. Unregistered opcodes get DER_UNREG as DAOS's crt does.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final String name;
  private final Map<Integer, CartHandler> handlers = new ConcurrentHashMap<>();
  private final TargetExecutors targets;
  private final IntSupplier mapVersion;

  public Dispatcher(String name, TargetExecutors targets, IntSupplier mapVersion) {
    this.name = name;
    this.targets = targets;
    this.mapVersion = mapVersion;
  }

  public void register(Opcode opcode, CartHandler handler) {
    if (handlers.putIfAbsent(opcode.code(), handler) != null) {
      throw new IllegalArgumentException(name + ": opcode " + opcode + " already has a handler");
    }
  }

  /** Hands {@code req} to its target; the reply (or error) goes to {@code sink}. Never runs a handler here. */
  public void dispatch(RpcFrame req, String peer, Consumer<RpcFrame> sink) {
    if (req.isReply()) {
      LOG.warn("{}: dropping a reply frame sent as a request by {}: {}", name, peer, req);
      req.release();
      return;
    }
    CartHandler h = handlers.get(req.opcode());
    Executor ex = targets.forTarget(req.target());
    if (h == null || ex == null) {
      refuse(req, peer, sink, h == null ? DaosStatus.UNREG : DaosStatus.NONEXIST);
      return;
    }
    FrameReplier replier = new FrameReplier(req, sink);
    try {
      ex.execute(() -> run(h, new CartRequest(req, peer), replier));
    } catch (RejectedExecutionException e) {
      replier.error(DaosStatus.SHUTDOWN, mapVersion.getAsInt());
    }
  }

  private void refuse(RpcFrame req, String peer, Consumer<RpcFrame> sink, DaosStatus status) {
    LOG.debug("{}: {} for {} from {} (targets: {})", name, status.symbol(), req, peer, targets.size());
    new FrameReplier(req, sink).error(status, mapVersion.getAsInt());
  }

  private void run(CartHandler h, CartRequest req, FrameReplier replier) {
    try {
      h.handle(req, replier);
    } catch (Exception | Error e) {
      DaosStatus st = e instanceof DaosException ? ((DaosException) e).status() : DaosStatus.MISC;
      LOG.warn("{}: handler for {} failed: {}", name, req, e.toString(), e);
      if (!replier.done()) {
        replier.error(st, mapVersion.getAsInt());
      }
    }
  }
}
