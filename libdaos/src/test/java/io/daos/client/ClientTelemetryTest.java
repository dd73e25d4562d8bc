package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.daos.client.telemetry.ClientMetrics;
import io.daos.common.Uuids;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.mgmt.ClientTelemetryResp;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import io.daos.rpc.ObjRpc;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientTelemetryTest {
  /**
   * The push at close is the last the agent gets: a periodic push still on its way when the client closes finishes
   * first (two at once could reach the agent in either order, and it would keep the older snapshot: seen as 19 of 20
   * updates in TelemetryExporterTest).
   */
  @Test
  void theLastPushIsTheSnapshotAtClose() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch twoPushes = new CountDownLatch(2);
    AtomicInteger calls = new AtomicInteger();
    List<MetricsResp> got = new CopyOnWriteArrayList<>();
    DrpcRegistry agent = new DrpcRegistry()
        .register(DrpcMethod.MGMT_SETUP_CLIENT_TELEM, (ctx, body) -> ClientTelemetryResp.getDefaultInstance()
            .toByteArray())
        .register(DrpcMethod.MGMT_CLIENT_TELEMETRY_PUSH, (ctx, body) -> {
          MetricsResp m = MetricsResp.parseFrom(body);
          if (calls.getAndIncrement() == 0) {
            inFlight.countDown();
            awaitUninterruptibly(release); // the agent (or the socket) is slow with the first periodic push
          }
          got.add(m);
          twoPushes.countDown();
          return new byte[0];
        });
    ClientMetrics metrics = new ClientMetrics(1, "ofi+tcp");
    ClientTelemetry t = ClientTelemetry.start(metrics, () -> DrpcClient.direct(agent), "job", Duration.ofMillis(5));
    assertNotNull(t);
    assertEquals(true, inFlight.await(30, TimeUnit.SECONDS), "a periodic push");
    metrics.replied(ObjRpc.UPDATE, ByteBuffer.wrap(ObjRwReq.newBuilder().setTarget(ObjTarget.newBuilder()
        .setPoolUuid(Uuids.toByteString(UUID.randomUUID()))).build().toByteArray()), 4096, 0);
    Thread closer = new Thread(t::close, "closer");
    closer.start();
    // Release the held push once close has either finished or is waiting (for the push, as it should).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (closer.getState() != Thread.State.TERMINATED && closer.getState() != Thread.State.TIMED_WAITING
        && closer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(30));
    assertEquals(true, twoPushes.await(30, TimeUnit.SECONDS));
    assertEquals(0, updates(got.get(0)), "the held periodic push's snapshot was taken before the update");
    assertEquals(1, updates(got.get(got.size() - 1)), "the last push is the snapshot at close: " + got.size()
        + " pushes");
  }

  private static double updates(MetricsResp r) {
    return r.getMetricsList().stream().filter(m -> m.getName().equals("client_pool_ops_update"))
        .mapToDouble(Metric::getValue).sum();
  }

  private static void awaitUninterruptibly(CountDownLatch l) {
    boolean interrupted = false;
    while (true) {
      try {
        l.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
