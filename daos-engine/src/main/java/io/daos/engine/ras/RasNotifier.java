package io.daos.engine.ras;

import io.daos.common.DaemonThreads;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.RasEvents;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.shared.RASEvent;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the engine's RAS events as DAOS's {@code ds_notify_ras_event} does: the message goes to the engine log at
 * the event's severity, and the event to daos_server with dRPC SRV CLUSTER_EVENT (304) without waiting for its
 * answer ({@code DSS_DRPC_NO_RESP}): the sends run on one thread of their own, in order, so no xstream, SWIM or
 * timer thread ever waits for daos_server. An event raised while there is no connection is logged and dropped.
 */
public final class RasNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RasNotifier.class);

  private final String name;
  private final Supplier<DrpcClient> server;
  private final String hostname;
  private final IntSupplier rank;
  private final long pid;
  private final AtomicLong sequence = new AtomicLong();
  private final ExecutorService sender;

  /**
   * @param server daos_server's dRPC client (null while there is none)
   * @param rank   the engine's rank, {@link RasEvents#NO_RANK} before it has one
   */
  public RasNotifier(String name, Supplier<DrpcClient> server, String hostname, IntSupplier rank, long pid) {
    this.name = name;
    this.server = server;
    this.hostname = hostname;
    this.rank = rank;
    this.pid = pid;
    this.sender = Executors.newSingleThreadExecutor(DaemonThreads.named(name.replace(' ', '-') + "-ras"));
  }

  public String hostname() {
    return hostname;
  }

  public long pid() {
    return pid;
  }

  /** An info-only event with this engine's rank ({@code ras_notify_eventf} with no rank given). */
  public void info(int id, int severity, String msg) {
    raise(RasEvents.engineInfo(id, severity, msg, hostname, rank.getAsInt(), pid));
  }

  /** Logs {@code event}'s message at its severity and queues it for daos_server; never blocks, never throws. */
  public void raise(RASEvent event) {
    switch (event.getSeverity()) {
      case RasEvents.SEVERITY_ERROR -> LOG.error("{}: {}", name, event.getMsg());
      case RasEvents.SEVERITY_WARNING -> LOG.warn("{}: {}", name, event.getMsg());
      default -> LOG.info("{}: {}", name, event.getMsg());
    }
    try {
      sender.execute(() -> send(event));
    } catch (RejectedExecutionException closed) {
      LOG.debug("{}: engine stopping; RAS {} not sent", name, RasEvents.name(event.getId()));
    }
  }

  private void send(RASEvent event) {
    String id = RasEvents.name(event.getId());
    DrpcClient c = server.get();
    if (c == null) {
      LOG.warn("{}: no dRPC connection to daos_server; RAS {} dropped", name, id);
      return;
    }
    ClusterEventReq req = ClusterEventReq.newBuilder().setSequence(sequence.incrementAndGet()).setEvent(event).build();
    try {
      ClusterEventResp resp = ClusterEventResp.parseFrom(c.call(DrpcMethod.SRV_CLUSTER_EVENT, req.toByteArray()));
      if (resp.getStatus() != 0) {
        LOG.warn("{}: daos_server refused RAS {}: status {}", name, id, resp.getStatus());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: RAS {} not delivered to daos_server: {}", name, id, e.getMessage());
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
