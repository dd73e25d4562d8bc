package io.daos.server.mgmt.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Service rank choice (count, spread over fault domains) and the compressed fault-domain tree. */
class PoolSvcRanksTest {
  record Count(String name, int numSvcReps, long svcRf, int ranks, int exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Count> counts() {
    return Stream.of(new Count("default on many ranks", 0, 2, 8, 5), new Count("default on 4 ranks is odd", 0, 2, 4, 3),
        new Count("default on 1 rank", 0, 2, 1, 1), new Count("svc_rf 1", 0, 1, 8, 3),
        new Count("explicit count", 4, 2, 8, 4), new Count("explicit count clamped", 7, 2, 3, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("counts")
  void count(Count tc) {
    assertEquals(tc.exp(), PoolSvcRanks.count(tc.numSvcReps(), tc.svcRf(), tc.ranks()));
  }

  @Test
  void select_spreadsOverDomains() {
    Map<Integer, String> d = Map.of(0, "/a", 1, "/a", 2, "/a", 3, "/b", 4, "/b", 5, "/c");
    assertEquals(List.of(0, 3, 5), PoolSvcRanks.select(d, 3));
    assertEquals(List.of(0, 1, 3, 4, 5), PoolSvcRanks.select(d, 5));
  }

  @Test
  void compress_layoutAsDaos() {
    assertEquals(List.of(0, 2, 0, 2, 1, 1, 2, 1, 2, 1, 0, 1, 2),
        PoolFaultDomains.compress(Map.of(0, List.of("a"), 1, List.of("a"), 2, List.of("b"))));
    assertEquals(List.of(PoolFaultDomains.HAS_PERF_DOM, 3, 0, 1, 2, 1, 2, 1, 2, 1, 1, 3, 1, 4, 5),
        PoolFaultDomains.compress(Map.of(4, List.of("r", "h1"), 5, List.of("r", "h2"))));
  }
}
