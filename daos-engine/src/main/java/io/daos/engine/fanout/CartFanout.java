package io.daos.engine.fanout;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends CART-J RPCs to several engines at once and collects every outcome: each call is sent before any is awaited;
 * an engine that replies gives its status (and, with status 0, its body), one that does not gives the DER status the
 * transport failed with (DER_UNREACH, DER_TIMEDOUT, ...). The replies' buffers are released here.
 */
public final class CartFanout {
  /** Extra wait beyond the RPC timeout before a call that never completed counts as timed out. */
  static final Duration GRACE = Duration.ofSeconds(2);

  /** One RPC to one engine. */
  public record Call(String uri, Opcode op, byte[] body) {
  }

  /** One engine's outcome: {@code failure} is null when it replied; {@code body} is null unless status is 0. */
  public record Outcome(int status, byte[] body, DaosException failure) {
    public boolean replied() {
      return failure == null;
    }
  }

  private final CartClient client;

  public CartFanout(CartClient client) {
    this.client = client;
  }

  /** Sends every call, then waits for each: the outcomes in the calls' order. */
  public List<Outcome> call(List<Call> calls, Duration timeout) {
    List<CompletableFuture<Outcome>> sent = new ArrayList<>();
    for (Call c : calls) {
      sent.add(client.callWrapped(c.uri(), c.op(), 0, 0, c.body(), null, timeout)
          .handle((reply, err) -> err != null ? failed(err) : replied(reply)));
    }
    List<Outcome> out = new ArrayList<>();
    for (CompletableFuture<Outcome> f : sent) {
      out.add(await(f, timeout));
    }
    return out;
  }

  private static Outcome replied(CartReply reply) {
    try (reply) {
      return new Outcome(reply.status(), reply.status() == 0 ? reply.bodyBytes() : null, null);
    }
  }

  private static Outcome failed(Throwable err) {
    Throwable c = Futures.cause(err);
    DaosException de = c instanceof DaosException d ? d : new DaosException(DaosStatus.MISC, "RPC failed", c);
    return new Outcome(de.status().code(), null, de);
  }

  private static Outcome await(CompletableFuture<Outcome> f, Duration timeout) {
    try {
      return f.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return failed(new DaosException(DaosStatus.TIMEDOUT, "no answer in " + timeout.toSeconds() + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(new DaosException(DaosStatus.CANCELED, "interrupted while waiting for an RPC reply", e));
    } catch (ExecutionException e) {
      return failed(e.getCause());
    }
  }
}
