package io.daos.cart.context;

import io.daos.common.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * One executor per target, as DAOS runs one xstream per target. By default each is a single daemon
 * thread named {@code <name>-tgt-<i>} that this class also shuts down; supplied executors are the
 * supplier's to close.
 */
public final class TargetExecutors implements AutoCloseable {
  private final Executor[] executors;
  private final List<ExecutorService> owned = new ArrayList<>();

  public TargetExecutors(String name, int targets, IntFunction<Executor> supplied) {
    executors = new Executor[targets];
    for (int i = 0; i < targets; i++) {
      executors[i] = supplied != null ? supplied.apply(i) : own(name + "-tgt-" + i);
    }
  }

  private Executor own(String threadName) {
    ExecutorService e = Executors.newSingleThreadExecutor(DaemonThreads.named(threadName));
    owned.add(e);
    return e;
  }

  public int size() {
    return executors.length;
  }

  /** The executor of target {@code idx}, or null if there is no such target. */
  public Executor forTarget(int idx) {
    return idx >= 0 && idx < executors.length ? executors[idx] : null;
  }

  @Override
  public void close() {
    owned.forEach(ExecutorService::shutdownNow);
  }
}
