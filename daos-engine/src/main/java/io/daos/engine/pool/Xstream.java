package io.daos.engine.pool;

import io.daos.cart.SendBatch;
import io.daos.common.DaemonThreads;
import io.daos.engine.vos.store.GroupCommit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's execution stream (DAOS xstream): a thread that runs the tasks handed to it in order. After it has
 * drained its run queue (at most {@link #MAX_DRAIN} tasks in a row) it group-commits the VOS writes those tasks
 * queued ({@link GroupCommit#commitPending}), so writes that arrive while a commit syncs share the next one.
 */
final class Xstream implements Executor {
  static final int MAX_DRAIN = 64;
  private static final Logger LOG = LoggerFactory.getLogger(Xstream.class);
  private static final Runnable STOP = () -> { };

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  Xstream(String name) {
    thread = DaemonThreads.start(name, this::loop);
  }

  @Override
  public void execute(Runnable task) {
    if (closing) {
      throw new RejectedExecutionException(thread.getName() + " is stopped");
    }
    queue.add(task);
  }

  private void loop() {
    boolean stop = false;
    while (!stop) {
      Runnable r = take();
      stop = r == null;
      // Polls only while under MAX_DRAIN, so that a polled task is always run (none is dropped at the limit).
      for (int i = 0; !stop && r != null; r = ++i < MAX_DRAIN ? queue.poll() : null) {
        stop = r == STOP;
        if (!stop) {
          run(r);
        }
      }
      commit();
    }
  }

  /** The next task; null once interrupted while closing (a stray interrupt otherwise is ignored). */
  private Runnable take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        if (closing) {
          return null;
        }
      }
    }
  }

  private void run(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      LOG.error("{}: task failed: {}", thread.getName(), e.toString(), e);
    }
  }

  /**
   * Commits until nothing is queued (a completion callback may have queued more writes); the replies its
   * completions send go out as one batch per commit.
   */
  private void commit() {
    try {
      int n = 1;
      while (n > 0) {
        int[] done = {0};
        SendBatch.run(() -> done[0] = GroupCommit.commitPending());
        n = done[0];
        LOG.trace("{}: group commit done", thread.getName());
      }
    } catch (RuntimeException e) {
      LOG.error("{}: group commit failed: {}", thread.getName(), e.toString(), e);
    }
  }

  /** Runs what is already queued, then stops; waits up to {@code timeoutMs}. */
  void close(long timeoutMs) {
    closing = true;
    queue.add(STOP);
    try {
      thread.join(timeoutMs);
      if (thread.isAlive()) {
        LOG.warn("{}: still busy after {} ms; interrupting", thread.getName(), timeoutMs);
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt();
    }
  }

  /** Tasks waiting to run. */
  int queued() {
    return queue.size();
  }

  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }
}
