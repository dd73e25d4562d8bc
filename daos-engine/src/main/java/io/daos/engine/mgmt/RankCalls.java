package io.daos.engine.mgmt;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartClient;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.fanout.CartFanout;
import io.daos.engine.fanout.RankUriWait;
import io.daos.common.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Sends one RPC to a set of ranks over CART-J in parallel (what DAOS does with a collective RPC to a rank list) and
 * collects every rank's outcome: its reply and status, or the DER status saying why there is none: DER_OOG for a
 * rank the group map does not name, DER_UNREACH or DER_TIMEDOUT from the transport, DER_PROTO for a malformed reply.
 */
final class RankCalls {
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

  private final CartFanout fanout;
  private final IntFunction<Optional<String>> rankUri;
  private final RankUriWait uriWait;

  RankCalls(CartClient client, IntFunction<Optional<String>> rankUri) {
    this(client, rankUri, Ticker.SYSTEM);
  }

  /** {@code ticker}: the clock and pause of {@link #awaitKnown}. */
  RankCalls(CartClient client, IntFunction<Optional<String>> rankUri, Ticker ticker) {
    this.fanout = new CartFanout(client);
    this.rankUri = rankUri;
    this.uriWait = new RankUriWait(rankUri, ticker);
  }

  /** Calls {@code op} on every rank of {@code ranks} at once; blocks until each answered or timed out. */
  <T> Map<Integer, Outcome<T>> call(Collection<Integer> ranks, Opcode op, byte[] body, Duration timeout,
      Parser<T> parser, ToIntFunction<T> status) {
    Map<Integer, Outcome<T>> out = new TreeMap<>();
    List<Integer> sent = new ArrayList<>();
    List<CartFanout.Call> calls = new ArrayList<>();
    for (int rank : ranks) {
      Optional<String> uri = rankUri.apply(rank);
      if (uri.isEmpty()) {
        out.put(rank, new Outcome<>(rank, DaosStatus.OOG.code(), null, "not in this engine's group map"));
      } else {
        sent.add(rank);
        calls.add(new CartFanout.Call(uri.get(), op, body));
      }
    }
    Iterator<Integer> rank = sent.iterator();
    fanout.call(calls, timeout).forEach(o -> {
      int r = rank.next();
      out.put(r, outcome(r, o, parser, status));
    });
    return out;
  }

  /**
   * Waits up to {@code wait} until the group map names every rank of {@code ranks} (a group update from the MS may
   * still be on its way after ranks joined); true when it does.
   */
  boolean awaitKnown(Collection<Integer> ranks, Duration wait) {
    return uriWait.await(ranks, wait).keySet().containsAll(ranks);
  }

  /** The outcome of the lowest failed rank, if any failed. */
  static <T> Optional<Outcome<T>> firstFailure(Map<Integer, Outcome<T>> outcomes) {
    return outcomes.values().stream().filter(o -> !o.ok()).findFirst();
  }

  private static <T> Outcome<T> outcome(int rank, CartFanout.Outcome o, Parser<T> parser, ToIntFunction<T> status) {
    if (!o.replied()) {
      return new Outcome<>(rank, o.status(), null, String.valueOf(o.failure().getMessage()));
    }
    if (o.status() != 0) {
      return new Outcome<>(rank, o.status(), null, "error reply");
    }
    try {
      T r = parser.parse(o.body());
      return new Outcome<>(rank, status.applyAsInt(r), r, "");
    } catch (InvalidProtocolBufferException e) {
      return new Outcome<>(rank, DaosStatus.PROTO.code(), null, "malformed reply: " + e.getMessage());
    }
  }
}
