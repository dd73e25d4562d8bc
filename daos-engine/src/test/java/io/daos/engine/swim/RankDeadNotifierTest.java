package io.daos.engine.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.shared.RASEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RankDeadNotifierTest {
  @Test
  void raisesSwimRankDeadOncePerRankAndIncarnation() throws Exception {
    List<ClusterEventReq> got = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    DrpcRegistry registry = new DrpcRegistry().registerModule(DrpcModule.SRV)
        .register(DrpcMethod.SRV_CLUSTER_EVENT, (ctx, body) -> {
          ClusterEventReq req = ClusterEventReq.parseFrom(body);
          got.add(req);
          two.countDown();
          return ClusterEventResp.newBuilder().setSequence(req.getSequence()).build().toByteArray();
        });
    DrpcClient server = DrpcClient.direct(registry);
    try (RankDeadNotifier n = new RankDeadNotifier("engine 0", () -> server, "host-a", 4242)) {
      n.onDead(3, 77);
      n.onDead(3, 77);
      n.onDead(3, 78);
      assertTrue(two.await(10, TimeUnit.SECONDS));
      Thread.sleep(100);
    }
    assertEquals(2, got.size(), got.toString());
    RASEvent e = got.get(0).getEvent();
    assertEquals(17, e.getId());
    assertEquals("SWIM marked rank as dead.", e.getMsg());
    assertEquals(1, e.getType());
    assertEquals(3, e.getSeverity());
    assertEquals("host-a", e.getHostname());
    assertEquals(3, e.getRank());
    assertEquals(77, e.getIncarnation());
    assertEquals(4242, e.getProcId());
    assertTrue(e.getTimestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}.*"), e.getTimestamp());
    assertEquals(78, got.get(1).getEvent().getIncarnation());
    assertTrue(got.get(1).getSequence() > got.get(0).getSequence());
  }

  @Test
  void noServerConnectionDropsTheEventWithoutFailing() {
    try (RankDeadNotifier n = new RankDeadNotifier("engine 0", () -> null, "host-a", 1)) {
      n.onDead(1, 1);
    }
  }
}
