package io.daos.cart;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The RPCs one connection is waiting on, by rpc id. Replies may arrive in any order; a call that outlives
 * its timeout fails with DER_TIMEDOUT, and a lost connection fails all with DER_UNREACH.
 */
final class PendingCalls {
  private final String peer;
  private final Map<Long, Call> calls = new ConcurrentHashMap<>();

  private static final class Call {
    final CompletableFuture<CartReply> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> timer;

    void cancelTimer() {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
    }
  }

  PendingCalls(String peer) {
    this.peer = peer;
  }

  /** Registers call {@code id}; its future times out after {@code timeout} on {@code timers}. */
  CompletableFuture<CartReply> add(long id, Duration timeout, ScheduledExecutorService timers) {
    Call c = new Call();
    calls.put(id, c);
    c.timer = timers.schedule(() -> fail(id, DaosStatus.TIMEDOUT,
        "RPC " + id + " to " + peer + " got no reply within " + timeout.toMillis() + " ms"),
        timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (c.future.isDone()) {
      c.cancelTimer();
    }
    return c.future;
  }

  /** Completes the call {@code reply} answers; consumes the frame. */
  void complete(RpcFrame reply) {
    Call c = calls.remove(reply.rpcId());
    if (c == null) {
      reply.release();
      return;
    }
    c.cancelTimer();
    if (reply.isError()) {
      DaosStatus st = DaosStatus.fromCode(reply.status());
      reply.release();
      c.future.completeExceptionally(new DaosException(st, "RPC " + reply.rpcId() + " to " + peer
          + " (opcode " + Opcode.fromCode(reply.opcode()) + ") failed on the server"));
    } else if (!c.future.complete(CartReply.of(reply))) {
      reply.release();
    }
  }

  void fail(long id, DaosStatus status, String why) {
    Call c = calls.remove(id);
    if (c != null) {
      c.cancelTimer();
      c.future.completeExceptionally(new DaosException(status, why));
    }
  }

  void failAll(DaosStatus status, String why) {
    for (Long id : calls.keySet()) {
      fail(id, status, why);
    }
  }

  int size() {
    return calls.size();
  }
}
