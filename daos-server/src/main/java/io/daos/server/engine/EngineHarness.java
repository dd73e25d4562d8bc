package io.daos.server.engine;

import io.daos.common.LifeCycle;
import io.daos.common.ranklist.Rank;
import io.daos.common.ranklist.RankSet;
import io.daos.drpc.DrpcMethod;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of this server (DAOS's EngineHarness): instances in config order, started and closed through
 * one path, dRPC calls routed to the first instance able to take them.
 */
public final class EngineHarness implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineHarness.class);

  private final List<Engine> instances = new CopyOnWriteArrayList<>();
  private final List<Consumer<Throwable>> onDrpcFailure = new CopyOnWriteArrayList<>();
  private final LifeCycle lifeCycle = new LifeCycle("engine harness");

  /** Adds an instance; its index must equal its position. Only before {@link #start()}. */
  public EngineHarness add(Engine engine) {
    if (lifeCycle.current() != LifeCycle.State.NEW) {
      throw new IllegalStateException("can't add instance to already-started harness");
    }
    if (engine.index() != instances.size()) {
      throw new IllegalArgumentException("engine index " + engine.index() + " added at position " + instances.size());
    }
    instances.add(engine);
    return this;
  }

  /** The instances, in index order. */
  public List<Engine> instances() {
    return List.copyOf(instances);
  }

  /** Instance {@code idx}. */
  public Engine instance(int idx) {
    return instances.get(idx);
  }

  public boolean isStarted() {
    return lifeCycle.isRunning();
  }

  /** Starts every instance's run loop and asks each to start (DAOS: Run + requestStart). */
  public void start() {
    lifeCycle.transition(LifeCycle.State.STARTING);
    for (Engine e : instances) {
      if (e instanceof EngineInstance ei) {
        ei.startRunLoop();
      }
    }
    lifeCycle.transition(LifeCycle.State.RUNNING);
    instances.forEach(Engine::requestStart);
  }

  /** Registers a handler called when no instance can take a dRPC call for dRPC reasons (MS leader resigns). */
  public void onDrpcFailure(Consumer<Throwable> handler) {
    onDrpcFailure.add(handler);
  }

  /** The instances whose superblock rank is in {@code rankSet} (DAOS's rank set syntax, e.g. "0-3,5"). */
  public List<Engine> filterInstancesByRankSet(String rankSet) {
    RankSet ranks = RankSet.parse(rankSet);
    List<Engine> out = new ArrayList<>();
    for (Engine e : instances) {
      e.rank().filter(ranks::contains).ifPresent(r -> out.add(e));
    }
    return out;
  }

  /** Ranks of the ready instances. */
  public List<Rank> readyRanks() {
    List<Rank> out = new ArrayList<>();
    instances.stream().filter(Engine::isReady).forEach(e -> e.rank().ifPresent(out::add));
    return out;
  }

  /**
   * Calls {@code method} on the first instance able to take it (DAOS's CallDrpc): transient failures
   * (engine not ready, dRPC not ready, data plane not started) move on to the next instance, any other
   * failure is returned at once. When every instance failed and one failure was dRPC-related, the
   * {@link #onDrpcFailure} handlers run with the last failure.
   */
  public byte[] callDrpc(DrpcMethod method, byte[] body) throws IOException {
    if (!isStarted()) {
      throw EngineFaults.harnessNotStarted();
    }
    if (instances.isEmpty()) {
      throw new IOException("no engine instances to service drpc call");
    }
    List<Throwable> failures = new ArrayList<>();
    for (Engine e : instances) {
      try {
        return e.callDrpc(method, body);
      } catch (IOException | RuntimeException err) {
        failures.add(err);
        if (!EngineFaults.isTransient(err)) {
          LOG.debug("drpc call hard failure on engine instance {}: {}", e.index(), err.getMessage());
          break;
        }
        LOG.debug("drpc call transient failure on engine instance {}: {}", e.index(), err.getMessage());
      }
    }
    Throwable last = failures.get(failures.size() - 1);
    if (failures.stream().anyMatch(EngineFaults::isDrpcUnavailable)) {
      LOG.debug("invoking dRPC failure handlers for {}", last.getMessage());
      onDrpcFailure.forEach(h -> h.accept(last));
    }
    throw rethrow(last);
  }

  private static IOException rethrow(Throwable t) {
    if (t instanceof RuntimeException re) {
      throw re;
    }
    return (IOException) t;
  }

  /**
   * Stops every engine at once, as DAOS's harness does (SIGINT, then SIGKILL after each one's stop timeout), and
   * the run loops; returns when all have stopped, so a server with N engines stops in one engine's stop time.
   */
  @Override
  public void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    List<Thread> stoppers = new ArrayList<>();
    for (Engine e : instances) {
      if (e instanceof EngineInstance ei) {
        Thread t = new Thread(() -> closeInstance(ei), "engine-" + ei.index() + "-stop");
        t.start();
        stoppers.add(t);
      }
    }
    stoppers.forEach(EngineHarness::joinUninterruptibly);
    lifeCycle.transition(LifeCycle.State.CLOSED);
  }

  private static void closeInstance(EngineInstance ei) {
    try {
      ei.close();
    } catch (RuntimeException err) {
      LOG.error("closing engine instance {}: {}", ei.index(), err.toString());
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
