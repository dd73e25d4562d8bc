package io.daos.cart;

import java.util.ArrayList;
import java.util.List;

/**
 * Frames sent from a thread inside {@link #run} go out when it ends: a target xstream that completes a group
 * commit's replies wakes each connection's event loop once instead of once per frame (an eventfd write each). Only
 * for frames that are ready together: batching the replies of a run of tasks held each reply until the run ended
 * and cost kv-get a third of its throughput (docs/benchmarks.md). Outside a batch, frames are handed to the event
 * loop at once.
 */
public final class SendBatch {
  private static final ThreadLocal<List<Runnable>> OPEN = new ThreadLocal<>();

  private SendBatch() {
  }

  /** Runs {@code body}; whatever it sends is scheduled once it returns (or throws). Nested batches join the outer. */
  public static void run(Runnable body) {
    if (OPEN.get() != null) {
      body.run();
      return;
    }
    List<Runnable> pending = new ArrayList<>();
    OPEN.set(pending);
    try {
      body.run();
    } finally {
      OPEN.remove();
      for (Runnable r : pending) {
        r.run();
      }
    }
  }

  /**
   * Schedules {@code flush} at the end of the calling thread's batch, or runs it now when there is none. A
   * transport calls it once per connection with frames waiting (not once per frame).
   */
  public static void schedule(Runnable flush) {
    List<Runnable> pending = OPEN.get();
    if (pending == null) {
      flush.run();
    } else {
      pending.add(flush);
    }
  }
}
