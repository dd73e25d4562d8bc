package io.daos.engine.ras;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.shared.RASEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A daos_server's CLUSTER_EVENT handler that keeps what an engine's {@link RasNotifier} sends it. */
public final class RasCapture implements AutoCloseable {
  private final List<ClusterEventReq> got = new CopyOnWriteArrayList<>();
  private final RasNotifier notifier;

  /** A notifier for rank {@code rank} on "host-a", pid 4242, sending here. */
  public RasCapture(int rank) {
    DrpcRegistry registry = new DrpcRegistry().registerModule(DrpcModule.SRV)
        .register(DrpcMethod.SRV_CLUSTER_EVENT, (ctx, body) -> {
          ClusterEventReq req = ClusterEventReq.parseFrom(body);
          synchronized (this) {
            got.add(req);
            notifyAll();
          }
          return ClusterEventResp.newBuilder().setSequence(req.getSequence()).build().toByteArray();
        });
    DrpcClient server = DrpcClient.direct(registry);
    notifier = new RasNotifier("engine 0", () -> server, "host-a", () -> rank, 4242);
  }

  public RasNotifier notifier() {
    return notifier;
  }

  /** The first {@code n} requests received, waiting up to 10 s for them. */
  public synchronized List<ClusterEventReq> requests(int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (got.size() < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + n + " RAS events, got " + got);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(got.subList(0, n));
  }

  /** The events of the first {@code n} requests. */
  public List<RASEvent> events(int n) throws InterruptedException {
    return requests(n).stream().map(ClusterEventReq::getEvent).toList();
  }

  /** Everything received so far. */
  public List<ClusterEventReq> all() {
    return List.copyOf(got);
  }

  @Override
  public void close() {
    notifier.close();
  }
}
