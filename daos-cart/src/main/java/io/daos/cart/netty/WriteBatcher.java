package io.daos.cart.netty;

import io.daos.cart.RpcFrame;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes frames to one channel from any thread with one event-loop task and one flush per batch: the frames queued
 * while a drain is pending go out together in one gathering write. Replies completed by a target's group commit and
 * requests sent from completion callbacks therefore cost one wake-up and one syscall per batch, not per frame.
 */
final class WriteBatcher {
  private record Pending(RpcFrame frame, ChannelPromise promise) {
  }

  private final Channel ch;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable drain = this::drain;

  WriteBatcher(Channel ch) {
    this.ch = ch;
  }

  /** Queues {@code frame} (consumed); {@code promise} (from this channel) learns how the write went. */
  void write(RpcFrame frame, ChannelPromise promise) {
    queue.add(new Pending(frame, promise));
    if (scheduled.compareAndSet(false, true)) {
      io.daos.cart.SendBatch.schedule(this::schedule);
    }
  }

  /** Hands the queued frames to the event loop (at once, or at the end of the sender's {@code SendBatch}). */
  private void schedule() {
    try {
      ch.eventLoop().execute(drain);
    } catch (RejectedExecutionException e) {
      scheduled.set(false);
      discard(e);
    }
  }

  /** Queues {@code frame} with nobody to tell about the outcome (a failure closes the channel as usual). */
  void write(RpcFrame frame) {
    write(frame, ch.voidPromise());
  }

  private void drain() {
    scheduled.set(false);
    boolean wrote = false;
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      ch.write(p.frame(), p.promise());
      wrote = true;
    }
    if (wrote) {
      ch.flush();
    }
  }

  /** The event loop is gone: nothing queued can be sent. */
  private void discard(Throwable why) {
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      ReferenceCountUtil.release(p.frame());
      p.promise().tryFailure(why);
    }
  }
}
