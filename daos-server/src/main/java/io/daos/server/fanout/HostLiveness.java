package io.daos.server.fanout;

import io.daos.common.DaemonThreads;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.Membership;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS leader's liveness check of the hosts (a jdaos extension). DAOS's system query only reads the database, so
 * a host that stops answering keeps showing its ranks Joined until a fan-out fails or SWIM excludes them. Here the
 * leader sends every host with Joined, Ready or check-marked Unresponsive ranks a gRPC health check each interval;
 * after {@code misses} unanswered checks in a row the host's Joined and Ready ranks become Unresponsive (the state
 * DAOS gives ranks whose host failed a fan-out), with an info saying why. When the host answers again, the ranks
 * this check marked return to Joined. Only the leader checks; it starts on gaining leadership and stops on losing
 * it.
 */
public final class HostLiveness implements AutoCloseable {
  /** The start of the info of every rank this check marks Unresponsive. */
  public static final String INFO_PREFIX = "no answer to the MS liveness check";
  /** Environment variable: the check interval in ms ({@link Settings#DEFAULT_INTERVAL}); 0 turns the check off. */
  public static final String ENV_INTERVAL = "JDAOS_MS_LIVENESS_INTERVAL_MS";

  private static final Logger LOG = LoggerFactory.getLogger(HostLiveness.class);

  private final Supplier<Membership> membership;
  private final ControlInvoker invoker;
  private final Settings settings;
  private final Map<String, Integer> missed = new HashMap<>();
  private final ScheduledExecutorService executor;
  private ScheduledFuture<?> task;

  /** Interval between checks, how long a host has to answer one, and how many misses make it unresponsive. */
  public record Settings(Duration interval, Duration timeout, int misses) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MISSES = 2;

    public Settings {
      if (interval.isNegative() || timeout.isNegative() || timeout.isZero() || misses < 1) {
        throw new IllegalArgumentException("liveness check: interval >= 0, timeout > 0 and misses >= 1 required");
      }
    }

    /** The defaults, or the interval from {@link #ENV_INTERVAL} (the timeout is twice the interval). */
    public static Settings fromEnv(Map<String, String> env) {
      String v = env.getOrDefault(ENV_INTERVAL, "").trim();
      Duration interval = DEFAULT_INTERVAL;
      if (!v.isEmpty()) {
        try {
          interval = Duration.ofMillis(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
          LOG.warn("{}={} is not a number of milliseconds; using {} ms", ENV_INTERVAL, v, interval.toMillis());
        }
      }
      Duration timeout = interval.isZero() ? DEFAULT_INTERVAL.multipliedBy(2) : interval.multipliedBy(2);
      return new Settings(interval, timeout, DEFAULT_MISSES);
    }

    boolean enabled() {
      return !interval.isZero();
    }
  }

  public HostLiveness(Supplier<Membership> membership, ControlInvoker invoker, Settings settings) {
    this.membership = membership;
    this.invoker = invoker;
    this.settings = settings;
    this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ms-liveness"));
  }

  /** Starts checking (on gaining MS leadership); a no-op if running or turned off. */
  public synchronized void start() {
    if (task == null && settings.enabled()) {
      long ms = settings.interval().toMillis();
      task = executor.scheduleWithFixedDelay(this::checkSafely, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops checking (on losing MS leadership) and forgets the misses counted so far. */
  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    executor.execute(missed::clear);
  }

  private void checkSafely() {
    try {
      checkOnce();
    } catch (RuntimeException e) {
      LOG.debug("MS liveness check: {}", e.toString());
    }
  }

  /** One round: checks every host with live or check-marked ranks and updates their members. */
  void checkOnce() {
    Membership m = membership.get();
    if (m == null) {
      return;
    }
    List<String> hosts = m.members(MemberState.JOINED, MemberState.READY, MemberState.UNRESPONSIVE).stream()
        .filter(x -> x.state() != MemberState.UNRESPONSIVE || x.info().startsWith(INFO_PREFIX))
        .map(Member::addr).distinct().sorted().toList();
    missed.keySet().retainAll(hosts);
    for (HostResponse r : invoker.ping(hosts, settings.timeout())) {
      if (r.failed()) {
        missedCheck(m, r);
      } else if (missed.remove(r.addr()) != null || hasMarked(m, r.addr())) {
        List<Integer> back = m.restoreHostResponsive(r.addr(), INFO_PREFIX);
        if (!back.isEmpty()) {
          LOG.info("host {} answers again: ranks {} are joined again", r.addr(), back);
        }
      }
    }
  }

  private void missedCheck(Membership m, HostResponse r) {
    int n = missed.merge(r.addr(), 1, Integer::sum);
    if (n < settings.misses()) {
      return;
    }
    String info = String.format("%s (%d in a row, %d ms each): %s", INFO_PREFIX, n, settings.timeout().toMillis(),
        r.error().getMessage());
    List<Integer> ranks = m.markHostUnresponsive(r.addr(), info);
    if (!ranks.isEmpty()) {
      LOG.warn("host {} did not answer {} liveness checks: ranks {} are unresponsive ({})", r.addr(), n, ranks,
          r.error().getMessage());
    }
  }

  private static boolean hasMarked(Membership m, String addr) {
    return m.membersOnHosts(List.of(addr)).stream()
        .anyMatch(x -> x.state() == MemberState.UNRESPONSIVE && x.info().startsWith(INFO_PREFIX));
  }

  @Override
  public void close() {
    stop();
    executor.shutdownNow();
  }
}
