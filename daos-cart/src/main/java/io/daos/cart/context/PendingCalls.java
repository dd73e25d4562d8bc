package io.daos.cart.context;

import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RPCs one connection is waiting on, by rpc id. Replies may arrive in any order; a call that outlives
 * its timeout fails with DER_TIMEDOUT, and a lost connection fails all with DER_UNREACH.
 * <p>Timeouts are found by a sweep of the pending calls, scheduled for the earliest deadline not already covered
 * by a scheduled sweep (like CART's progress loop checking its timeout list), not by one timer per call: with a
 * steady timeout there is one sweep per timeout period however many calls go by.
 */
public final class PendingCalls {
  private final String peer;
  private final Map<Long, Call> calls = new ConcurrentHashMap<>();
  /** When the earliest scheduled sweep runs (System.nanoTime), or Long.MAX_VALUE if none is scheduled. */
  private final AtomicLong nextSweep = new AtomicLong(Long.MAX_VALUE);
  private final ScheduledExecutorService timers;

  private static final class Call {
    final CompletableFuture<CartReply> future = new CompletableFuture<>();
    final long deadline;
    final long timeoutMs;

    Call(long deadline, long timeoutMs) {
      this.deadline = deadline;
      this.timeoutMs = timeoutMs;
    }
  }

  /** Calls to {@code peer}, their timeouts swept on {@code timers}. */
  public PendingCalls(String peer, ScheduledExecutorService timers) {
    this.peer = peer;
    this.timers = timers;
  }

  /** Registers call {@code id}; its future fails with DER_TIMEDOUT if no reply comes within {@code timeout}. */
  public CompletableFuture<CartReply> add(long id, Duration timeout) {
    Call c = new Call(System.nanoTime() + timeout.toNanos(), timeout.toMillis());
    calls.put(id, c);
    sweepBy(c.deadline);
    return c.future;
  }

  /** Makes sure a sweep runs no later than {@code deadline}. */
  private void sweepBy(long deadline) {
    for (long cur = nextSweep.get(); deadline < cur; cur = nextSweep.get()) {
      if (nextSweep.compareAndSet(cur, deadline)) {
        schedule(deadline);
        return;
      }
    }
  }

  private void schedule(long at) {
    try {
      timers.schedule(this::sweep, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      nextSweep.set(Long.MAX_VALUE);
      failAll(DaosStatus.SHUTDOWN, "connection to " + peer + " is shutting down");
    }
  }

  /** Fails the calls past their deadline, then schedules a sweep for the earliest remaining one. */
  private void sweep() {
    nextSweep.set(Long.MAX_VALUE);
    long now = System.nanoTime();
    long earliest = Long.MAX_VALUE;
    for (Map.Entry<Long, Call> e : calls.entrySet()) {
      Call c = e.getValue();
      if (c.deadline - now <= 0) {
        fail(e.getKey(), DaosStatus.TIMEDOUT, "RPC " + e.getKey() + " to " + peer + " got no reply within "
            + c.timeoutMs + " ms");
      } else {
        earliest = Math.min(earliest, c.deadline);
      }
    }
    if (earliest != Long.MAX_VALUE) {
      sweepBy(earliest);
    }
  }

  /** Completes the call {@code reply} answers; consumes the frame. */
  public void complete(RpcFrame reply) {
    Call c = calls.remove(reply.rpcId());
    if (c == null) {
      reply.release();
      return;
    }
    if (reply.isError()) {
      DaosStatus st = DaosStatus.fromCode(reply.status());
      reply.release();
      c.future.completeExceptionally(new DaosException(st, "RPC " + reply.rpcId() + " to " + peer
          + " (opcode " + Opcode.fromCode(reply.opcode()) + ") failed on the server"));
    } else if (!c.future.complete(CartReply.of(reply))) {
      reply.release();
    }
  }

  public void fail(long id, DaosStatus status, String why) {
    Call c = calls.remove(id);
    if (c != null) {
      c.future.completeExceptionally(new DaosException(status, why));
    }
  }

  public void failAll(DaosStatus status, String why) {
    for (Long id : calls.keySet()) {
      fail(id, status, why);
    }
  }

  public int size() {
    return calls.size();
  }
}
