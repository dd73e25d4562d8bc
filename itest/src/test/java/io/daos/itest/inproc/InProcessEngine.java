package io.daos.itest.inproc;

import io.daos.engine.DaosEngine;
import io.daos.engine.EngineUsageException;
import io.daos.server.engine.launch.EngineProcess;
import io.daos.server.engine.launch.Signal;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link DaosEngine} running in this JVM as daos_server sees an engine process: started on a thread of its
 * own as DaosEngineMain would, exiting ("exit status 0", "exit status 1" after a failed start, "signal: killed")
 * when the engine has closed. Every signal closes the engine; SIGKILL only changes the exit status it reports.
 */
public final class InProcessEngine implements EngineProcess {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEngine.class);

  private final int index;
  private final long pid;
  private final DaosEngine engine;
  private final CompletableFuture<String> exit = new CompletableFuture<>();
  private volatile boolean killed;

  InProcessEngine(int index, long pid, DaosEngine engine) {
    this.index = index;
    this.pid = pid;
    this.engine = engine;
  }

  void start() {
    Thread t = new Thread(this::run, "engine-" + index + "-main-" + pid);
    t.setDaemon(true);
    t.start();
  }

  private void run() {
    String status = "exit status 0";
    try {
      engine.start();
      engine.awaitClose();
    } catch (IOException | EngineUsageException | RuntimeException e) {
      LOG.error("engine {} (pid {}): failed to start: {}", index, pid, e.getMessage());
      engine.close();
      status = "exit status 1";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      engine.close();
    }
    exit.complete(killed ? "signal: killed" : status);
  }

  /** The engine itself (its pools, SWIM, state). */
  public DaosEngine engine() {
    return engine;
  }

  public int index() {
    return index;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public boolean isAlive() {
    return !exit.isDone();
  }

  @Override
  public void signal(Signal signal) {
    if (exit.isDone()) {
      return;
    }
    killed |= signal == Signal.SIGKILL;
    engine.close();
  }

  @Override
  public CompletableFuture<String> onExit() {
    return exit;
  }
}
