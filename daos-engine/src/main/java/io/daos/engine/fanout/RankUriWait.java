package io.daos.engine.fanout;

import io.daos.common.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Waits for the group map to name ranks: the MS's group update may still be on its way after the ranks joined.
 * Nothing tells the callers when the map changes, so this looks again every {@link #POLL} until a deadline, on an
 * injected {@link Ticker}.
 */
public final class RankUriWait {
  static final Duration POLL = Duration.ofMillis(50);

  private final IntFunction<Optional<String>> rankUri;
  private final Ticker ticker;

  /** {@code rankUri}: a rank's CART-J URI from the group map, if it names the rank. */
  public RankUriWait(IntFunction<Optional<String>> rankUri, Ticker ticker) {
    this.rankUri = rankUri;
    this.ticker = ticker;
  }

  /** The URIs of {@code ranks}, waiting up to {@code wait} for the map to name them all (fewer when it did not). */
  public Map<Integer, String> await(Collection<Integer> ranks, Duration wait) {
    long end = ticker.nanoTime() + wait.toNanos();
    int wanted = new HashSet<>(ranks).size();
    while (true) {
      Map<Integer, String> uris = known(ranks);
      if (uris.size() == wanted || ticker.nanoTime() - end > 0) {
        return uris;
      }
      try {
        ticker.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return uris;
      }
    }
  }

  private Map<Integer, String> known(Collection<Integer> ranks) {
    Map<Integer, String> uris = new TreeMap<>();
    ranks.forEach(r -> rankUri.apply(r).ifPresent(u -> uris.put(r, u)));
    return uris;
  }
}
