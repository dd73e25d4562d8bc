package io.daos.agent.mgmt;

import io.daos.proto.telemetry.MetricsResp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * The client processes registered for telemetry (SETUP_CLIENT_TELEM: DAOS's {@code telemetry.SetupClientRoot}) and
 * the latest metrics each pushed. What a process pushed stays after it exits, as DAOS retains a registered client's
 * segment, until it has been gone and silent for the retain time ({@code telemetry_retain}, default 1 minute: DAOS's
 * {@code defaultCleanupInterval}).
 */
public final class ClientTelemetryStore {
  /** DAOS's {@code defaultCleanupInterval}, the retain time when {@code telemetry_retain} is 0. */
  public static final Duration DEFAULT_RETAIN = Duration.ofMinutes(1);

  private final Supplier<Instant> clock;
  private final Duration retain;
  private final LongPredicate alive;
  private final Map<Long, Client> clients = new ConcurrentHashMap<>();

  /** One registered process: its job id, what it pushed last (empty before its first push) and when. */
  public record Client(long pid, String jobid, MetricsResp metrics, Instant at) {
  }

  /** A store whose time is {@code clock}'s; {@code alive} tells whether a pid still runs. */
  public ClientTelemetryStore(Supplier<Instant> clock, Duration retain, LongPredicate alive) {
    this.clock = clock;
    this.retain = retain.isZero() ? DEFAULT_RETAIN : retain;
    this.alive = alive;
  }

  /** A store of this host's processes. */
  public static ClientTelemetryStore ofHost(Clock clock, Duration retain) {
    return new ClientTelemetryStore(clock::instant, retain, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
        .orElse(false));
  }

  void register(long pid, String jobid) {
    clients.put(pid, new Client(pid, jobid, MetricsResp.getDefaultInstance(), clock.get()));
  }

  /** Stores {@code metrics} of {@code pid}; false when that pid did not register. */
  boolean push(long pid, MetricsResp metrics) {
    return clients.computeIfPresent(pid, (k, c) -> new Client(pid, c.jobid(), metrics, clock.get())) != null;
  }

  /** The registered processes now, after dropping those gone and silent for longer than the retain time. */
  public Iterable<Client> clients() {
    Instant cutoff = clock.get().minus(retain);
    clients.values().removeIf(c -> c.at().isBefore(cutoff) && !alive.test(c.pid()));
    return clients.values();
  }
}
