package io.daos.agent.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.daos.proto.telemetry.MetricsResp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** A registered client's metrics outlive it by the retain time, and only once it is gone. */
class ClientTelemetryStoreTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Set<Long> running = new HashSet<>(Set.of(1L, 2L));


  private List<Long> pids(ClientTelemetryStore s) {
    return StreamSupport.stream(s.clients().spliterator(), false).map(ClientTelemetryStore.Client::pid).sorted()
        .toList();
  }

  @Test
  void goneAndSilentForTheRetainTimeIsDropped() {
    ClientTelemetryStore s = new ClientTelemetryStore(() -> now, Duration.ZERO, running::contains);
    s.register(1, "a");
    s.register(2, "b");
    assertFalse(s.push(3, MetricsResp.getDefaultInstance()), "pid 3 did not register");
    now = now.plus(ClientTelemetryStore.DEFAULT_RETAIN).plusSeconds(1);
    assertEquals(List.of(1L, 2L), pids(s), "both still run");
    running.remove(2L);
    s.push(1, MetricsResp.getDefaultInstance());
    assertEquals(List.of(1L), pids(s), "2 is gone and silent for longer than the default retain time");
    running.remove(1L);
    now = now.plusSeconds(30);
    assertEquals(List.of(1L), pids(s), "1 pushed 30 s ago: kept");
  }
}
