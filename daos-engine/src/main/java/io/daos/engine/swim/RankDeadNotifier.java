package io.daos.engine.swim;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.RasEvents;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises RAS {@code swim_rank_dead} (DAOS's {@code ds_notify_swim_rank_dead}) for each rank SWIM declares DEAD: a
 * state-change notice with the rank and the incarnation SWIM knew, sent to daos_server with dRPC SRV
 * CLUSTER_EVENT (304), which forwards it to the MS leader. Once per rank and incarnation; the dRPC call runs on its
 * own thread so the SWIM thread never waits for daos_server.
 */
public final class RankDeadNotifier implements Swim.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RankDeadNotifier.class);

  private final String name;
  private final Supplier<DrpcClient> server;
  private final String hostname;
  private final long pid;
  private final Set<String> raised = ConcurrentHashMap.newKeySet();
  private final AtomicLong sequence = new AtomicLong();
  private final ExecutorService sender;

  /** @param server daos_server's dRPC client (null while there is none) */
  public RankDeadNotifier(String name, Supplier<DrpcClient> server, String hostname, long pid) {
    this.name = name;
    this.server = server;
    this.hostname = hostname;
    this.pid = pid;
    this.sender = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name.replace(' ', '-') + "-swim-ras");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void onDead(int rank, long incarnation) {
    if (!raised.add(rank + ":" + incarnation)) {
      return;
    }
    LOG.info("{}: SWIM declared rank {} (incarnation {}) dead; raising swim_rank_dead", name, rank, incarnation);
    try {
      sender.execute(() -> send(rank, incarnation));
    } catch (RejectedExecutionException closed) {
      LOG.debug("{}: engine stopping; swim_rank_dead for rank {} not sent", name, rank);
    }
  }

  private void send(int rank, long incarnation) {
    DrpcClient c = server.get();
    if (c == null) {
      LOG.warn("{}: no dRPC connection to daos_server; swim_rank_dead for rank {} dropped", name, rank);
      return;
    }
    ClusterEventReq req = ClusterEventReq.newBuilder().setSequence(sequence.incrementAndGet())
        .setEvent(RasEvents.swimRankDead(hostname, rank, incarnation, pid)).build();
    try {
      ClusterEventResp resp = ClusterEventResp.parseFrom(c.call(DrpcMethod.SRV_CLUSTER_EVENT, req.toByteArray()));
      if (resp.getStatus() != 0) {
        LOG.warn("{}: daos_server refused swim_rank_dead for rank {}: status {}", name, rank, resp.getStatus());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: swim_rank_dead for rank {} not delivered to daos_server: {}", name, rank, e.getMessage());
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
