package io.daos.engine.mgmt;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Sends one RPC to a set of ranks over CART-J in parallel (what DAOS does with a collective RPC to a rank list) and
 * collects every rank's outcome: its reply and status, or the DER status saying why there is none: DER_OOG for a
 * rank the group map does not name, DER_UNREACH or DER_TIMEDOUT from the transport, DER_PROTO for a malformed reply.
 */
final class RankCalls {
  /** Extra wait beyond the RPC timeout before a call that never completed counts as timed out. */
  private static final long GRACE_MS = 2_000;
  private static final long POLL_MS = 50;

  /** Parses a reply body. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(byte[] body) throws InvalidProtocolBufferException;
  }

  /** One rank's outcome: {@code reply} is null when the rank sent none. */
  record Outcome<T>(int rank, int status, T reply, String detail) {
    boolean ok() {
      return status == 0;
    }

    @Override
    public String toString() {
      return "rank " + rank + ": " + DaosStatus.fromCode(status) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;

  RankCalls(CartClient client, IntFunction<Optional<String>> rankUri) {
    this.client = client;
    this.rankUri = rankUri;
  }

  /** Calls {@code op} on every rank of {@code ranks} at once; blocks until each answered or timed out. */
  <T> Map<Integer, Outcome<T>> call(Collection<Integer> ranks, Opcode op, byte[] body, Duration timeout,
      Parser<T> parser, ToIntFunction<T> status) {
    Map<Integer, CompletableFuture<Outcome<T>>> calls = new TreeMap<>();
    for (int rank : ranks) {
      calls.put(rank, one(rank, op, body, timeout, parser, status));
    }
    Map<Integer, Outcome<T>> out = new TreeMap<>();
    calls.forEach((rank, f) -> out.put(rank, await(rank, f, timeout)));
    return out;
  }

  /**
   * Waits up to {@code wait} until the group map names every rank of {@code ranks} (a group update from the MS may
   * still be on its way after ranks joined); true when it does.
   */
  boolean awaitKnown(Collection<Integer> ranks, Duration wait) {
    long end = System.nanoTime() + wait.toNanos();
    while (!ranks.stream().allMatch(r -> rankUri.apply(r).isPresent())) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** The outcome of the lowest failed rank, if any failed. */
  static <T> Optional<Outcome<T>> firstFailure(Map<Integer, Outcome<T>> outcomes) {
    return outcomes.values().stream().filter(o -> !o.ok()).findFirst();
  }

  private <T> CompletableFuture<Outcome<T>> one(int rank, Opcode op, byte[] body, Duration timeout,
      Parser<T> parser, ToIntFunction<T> status) {
    Optional<String> uri = rankUri.apply(rank);
    if (uri.isEmpty()) {
      return CompletableFuture.completedFuture(new Outcome<>(rank, DaosStatus.OOG.code(), null,
          "not in this engine's group map"));
    }
    return client.callWrapped(uri.get(), op, 0, 0, body, null, timeout)
        .handle((reply, err) -> err != null ? failed(rank, err) : parse(rank, reply, parser, status));
  }

  private static <T> Outcome<T> parse(int rank, CartReply reply, Parser<T> parser, ToIntFunction<T> status) {
    try (reply) {
      if (reply.status() != 0) {
        return new Outcome<>(rank, reply.status(), null, "error reply");
      }
      T r = parser.parse(reply.bodyBytes());
      return new Outcome<>(rank, status.applyAsInt(r), r, "");
    } catch (InvalidProtocolBufferException e) {
      return new Outcome<>(rank, DaosStatus.PROTO.code(), null, "malformed reply: " + e.getMessage());
    }
  }

  private static <T> Outcome<T> failed(int rank, Throwable err) {
    Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    DaosStatus s = c instanceof DaosException de ? de.status() : DaosStatus.MISC;
    return new Outcome<>(rank, s.code(), null, String.valueOf(c.getMessage()));
  }

  private static <T> Outcome<T> await(int rank, CompletableFuture<Outcome<T>> f, Duration timeout) {
    try {
      return f.get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return new Outcome<>(rank, DaosStatus.TIMEDOUT.code(), null, "no answer in " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome<>(rank, DaosStatus.CANCELED.code(), null, "interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      return failed(rank, e.getCause());
    }
  }
}
