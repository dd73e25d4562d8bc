package io.daos.client;

import io.daos.client.telemetry.ClientMetrics;
import io.daos.common.DaemonThreads;
import io.daos.common.status.DaosException;
import io.daos.drpc.client.DrpcClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a registered client's metrics to its daos_agent: every {@code interval} and once more when the client
 * closes, so the agent's {@code /metrics} is at most one interval behind and exact after the client is done. (DAOS's
 * client writes them into shared memory that the agent reads at scrape time; a JVM cannot share that segment.) A
 * push that fails is logged and the next one tried: metrics never fail the application.
 */
final class ClientTelemetry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientTelemetry.class);

  private final ClientMetrics metrics;
  private final Supplier<DrpcClient> agent;
  private final ScheduledExecutorService timer;

  private ClientTelemetry(ClientMetrics metrics, Supplier<DrpcClient> agent, Duration interval) {
    this.metrics = metrics;
    this.agent = agent;
    this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("libdaos-telemetry"));
    timer.scheduleWithFixedDelay(this::push, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Registers {@code metrics} under {@code jobid} with the agent and starts pushing them; null (logged) when the
   * agent refuses, as the application runs on without metrics.
   */
  static ClientTelemetry start(ClientMetrics metrics, Supplier<DrpcClient> agent, String jobid, Duration interval) {
    try (DrpcClient a = agent.get()) {
      Agent.registerTelemetry(a, jobid, ProcessHandle.current().pid());
    } catch (DaosException e) {
      LOG.warn("client metrics not registered with daos_agent, continuing without them: {}", e.getMessage());
      return null;
    }
    return new ClientTelemetry(metrics, agent, interval);
  }

  private void push() {
    try (DrpcClient a = agent.get()) {
      Agent.pushTelemetry(a, metrics.snapshot());
    } catch (RuntimeException e) {
      LOG.debug("client metrics push to daos_agent failed, next one in an interval: {}", e.toString());
    }
  }

  /**
   * Stops the pushes after a last one. A periodic push still on its way is let finish first: two pushes at once
   * could reach the agent in either order, and the older snapshot would then be what it keeps.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(CLOSE_WAIT_S, TimeUnit.SECONDS)) {
        LOG.debug("a client metrics push did not finish in {} s; sending the last one anyway", CLOSE_WAIT_S);
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timer.shutdownNow();
    }
    push();
  }

  private static final int CLOSE_WAIT_S = 5;
}
