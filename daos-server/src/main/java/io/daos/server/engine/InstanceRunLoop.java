package io.daos.server.engine;

import io.daos.common.DaemonThreads;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.server.engine.launch.EngineProcess;
import io.daos.server.engine.launch.Signal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop of one instance (DAOS's EngineInstance.Run): start requests and process exits are
 * handled one at a time on one thread. A start request while the engine runs restarts it after it exits.
 */
final class InstanceRunLoop {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceRunLoop.class);

  private sealed interface Event permits Start, Exited, Shutdown {
  }

  private record Start() implements Event {
  }

  private record Exited(EngineProcess process, String status) implements Event {
  }

  private record Shutdown() implements Event {
  }

  private final EngineInstance ei;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> storageReady = new LinkedBlockingQueue<>();
  private volatile CompletableFuture<NotifyReadyReq> drpcReady = new CompletableFuture<>();
  private volatile boolean shuttingDown;
  private boolean restartRequested;
  private Thread thread;

  InstanceRunLoop(EngineInstance ei) {
    this.ei = ei;
  }

  synchronized void start() {
    if (thread == null) {
      thread = DaemonThreads.start("engine-" + ei.index() + "-runloop", this::run);
    }
  }

  void requestStart() {
    events.add(new Start());
  }

  void storageReady(boolean replaceRank) {
    storageReady.add(replaceRank);
  }

  void drpcReady(NotifyReadyReq req) {
    if (!drpcReady.complete(req)) {
      LOG.warn("engine {}: unexpected NotifyReady (engine not starting); ignored", ei.index());
    }
  }

  boolean isShuttingDown() {
    return shuttingDown;
  }

  void shutdown() {
    shuttingDown = true;
    events.add(new Shutdown());
    storageReady.add(false);
    drpcReady.completeExceptionally(new InterruptedException("shutting down"));
  }

  void join() {
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (!shuttingDown) {
        Event ev = events.take();
        if (ev instanceof Start) {
          onStart();
        } else if (ev instanceof Exited x) {
          onExit(x);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("engine {}: run loop done", ei.index());
  }

  private void onStart() throws InterruptedException {
    if (ei.process() != null) {
      restartRequested = true;
      return;
    }
    try {
      new InstanceStarter(ei, this).start();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (shuttingDown) {
        return;
      }
      LOG.error("engine {}: runner exited without starting process: {}", ei.index(), e.getMessage());
      EngineProcess p = ei.process();
      if (p == null) {
        new InstanceExit(ei).handle(0, e.getMessage());
      } else {
        ei.setLastError(e.getMessage());
        p.signal(Signal.SIGKILL);
      }
    }
  }

  private void onExit(Exited x) {
    if (x.process() != ei.process()) {
      return;
    }
    if (!shuttingDown) {
      new InstanceExit(ei).handle(x.process().pid(), x.status());
    }
    ei.setProcess(null);
    if (restartRequested) {
      restartRequested = false;
      requestStart();
    }
  }

  /** Before a launch: a fresh NotifyReady slot. */
  CompletableFuture<NotifyReadyReq> newDrpcReady() {
    drpcReady = new CompletableFuture<>();
    return drpcReady;
  }

  /** After a launch: the process's exit becomes an event of this loop and fails a pending NotifyReady wait. */
  void watch(EngineProcess p, CompletableFuture<NotifyReadyReq> ready) {
    p.onExit().thenAccept(status -> {
      ready.completeExceptionally(new IllegalStateException("engine exited before NotifyReady: " + status));
      events.add(new Exited(p, status));
    });
  }

  /** Waits for StorageFormat; returns the replace flag, or throws if shutting down. */
  boolean awaitStorageReady() throws InterruptedException {
    boolean replace = storageReady.take();
    if (shuttingDown) {
      throw new InterruptedException("shutting down");
    }
    return replace;
  }

  static NotifyReadyReq await(CompletableFuture<NotifyReadyReq> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
  }
}
