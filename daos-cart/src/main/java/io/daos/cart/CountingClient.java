package io.daos.cart;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A {@link CartClient} whose calls {@link RpcCounters} counts: each one sent, and how it ended. */
final class CountingClient implements CartClient {
  private final CartClient inner;
  private final RpcCounters counters;

  CountingClient(CartClient inner, RpcCounters counters) {
    this.inner = inner;
    this.counters = counters;
  }

  @Override
  public CompletableFuture<CartReply> call(String uri, Opcode opcode, int target, int mapVersion, ByteBuf body,
      ByteBuf bulk, Duration timeout) {
    counters.sent();
    // The caller sees the call end only once it is counted.
    return inner.call(uri, opcode, target, mapVersion, body, bulk, timeout)
        .whenComplete((r, err) -> counters.ended(err == null ? RpcCounters.Outcome.OK : outcome(err)));
  }

  static RpcCounters.Outcome outcome(Throwable err) {
    Throwable e = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (!(e instanceof DaosException d)) {
      return RpcCounters.Outcome.OTHER;
    }
    DaosStatus st = d.status();
    if (st == DaosStatus.TIMEDOUT) {
      return RpcCounters.Outcome.TIMED_OUT;
    }
    if (st == DaosStatus.UNREACH) {
      return RpcCounters.Outcome.UNREACHABLE;
    }
    return st == DaosStatus.SHUTDOWN || st == DaosStatus.CANCELED ? RpcCounters.Outcome.OTHER
        : RpcCounters.Outcome.ERROR_REPLY;
  }

  @Override
  public void close() {
    inner.close();
  }
}
