package io.daos.engine.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The wait for the group map to name ranks, on a fake clock that a pause advances. */
class RankUriWaitTest {
  private final Map<Integer, String> map = new ConcurrentHashMap<>(Map.of(0, "u0"));
  private final FakeTicker ticker = new FakeTicker();
  private final RankUriWait wait = new RankUriWait(r -> Optional.ofNullable(map.get(r)), ticker);

  @Test
  void ranksAlreadyKnownDoNotWait() {
    assertEquals(Map.of(0, "u0"), wait.await(List.of(0), Duration.ofSeconds(10)));
    assertEquals(0, ticker.pauses());
  }

  @Test
  void waitsUntilTheMapNamesEveryRank() {
    ticker.onPause(() -> {
      if (ticker.pauses() == 3) {
        map.put(1, "u1");
      }
    });
    assertEquals(Map.of(0, "u0", 1, "u1"), wait.await(List.of(0, 1), Duration.ofSeconds(10)));
    assertEquals(3, ticker.pauses());
  }

  @Test
  void givesUpAtTheDeadlineWithTheRanksItKnows() {
    assertEquals(Map.of(0, "u0"), wait.await(List.of(0, 1), Duration.ofSeconds(1)));
    assertEquals(Duration.ofSeconds(1).dividedBy(RankUriWait.POLL) + 1, ticker.pauses());
  }
}
