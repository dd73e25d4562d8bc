package io.daos.engine.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * The engine's target xstreams (DESIGN D7): one single-thread executor per target, named
 * {@code <name>-tgt-<i>}; only that thread touches the target's VOS pools. The CART-J server runs object RPC
 * handlers on them, and pool create/destroy run their per-target steps on them. Each xstream group-commits the VOS
 * writes its tasks queued ({@code VosContainer.submit*}) whenever it has drained its run queue (see {@link Xstream}).
 */
public final class TargetXstreams implements AutoCloseable {
  private static final long CLOSE_TIMEOUT_MS = 5000;

  private final List<Xstream> executors = new ArrayList<>();

  public TargetXstreams(String name, int targets) {
    if (targets < 1) {
      throw new IllegalArgumentException("targets must be >= 1, got " + targets);
    }
    for (int i = 0; i < targets; i++) {
      executors.add(new Xstream(name + "-tgt-" + i));
    }
  }

  public int size() {
    return executors.size();
  }

  /** Whether target {@code tgt}'s thread has tasks waiting (DAOS {@code dss_xstream_is_busy}). */
  public boolean busy(int tgt) {
    return executors.get(tgt).queued() > 0;
  }

  /** The executor of target {@code tgt}. */
  public Executor executor(int tgt) {
    return executors.get(tgt);
  }

  /** Runs {@code work} on target {@code tgt}'s thread and waits; DaosExceptions are rethrown as they are. */
  public <T> T call(int tgt, Callable<T> work) {
    return await(CompletableFuture.supplyAsync(() -> unchecked(work), executors.get(tgt)));
  }

  /** Runs {@code work.apply(tgt)} on every target's own thread in parallel and waits for all. */
  public <T> List<T> onAll(IntFunction<T> work) {
    List<CompletableFuture<T>> fs = new ArrayList<>();
    for (int i = 0; i < executors.size(); i++) {
      int tgt = i;
      fs.add(CompletableFuture.supplyAsync(() -> work.apply(tgt), executors.get(i)));
    }
    List<T> out = new ArrayList<>();
    DaosException first = null;
    for (CompletableFuture<T> f : fs) {
      try {
        out.add(await(f));
      } catch (DaosException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    return out;
  }

  private static <T> T unchecked(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new DaosException(DaosStatus.MISC, e.toString(), e);
    }
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaosException(DaosStatus.CANCELED, "interrupted while waiting for a target", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DaosException de) {
        throw de;
      }
      throw new DaosException(DaosStatus.MISC, "target work failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Runs {@code task} at once when the caller already is {@code ex}'s xstream thread (a completion that fired
   * there, e.g. in a group commit's callbacks), else queues it on {@code ex}: work that must run on a target's
   * thread then does not wait behind the tasks queued meanwhile, nor its reply for the next commit.
   */
  public static void runOn(Executor ex, Runnable task) {
    if (ex instanceof Xstream x && x.isCurrent()) {
      task.run();
    } else {
      ex.execute(task);
    }
  }

  /** True on target {@code tgt}'s own thread. */
  public boolean onTarget(int tgt) {
    return executors.get(tgt).isCurrent();
  }

  /** Stops the threads after the work already queued (and its group commit). */
  @Override
  public void close() {
    for (Xstream x : executors) {
      x.close(CLOSE_TIMEOUT_MS);
    }
  }
}
