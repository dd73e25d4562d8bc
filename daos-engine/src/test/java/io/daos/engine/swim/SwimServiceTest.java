package io.daos.engine.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.transport.CartTransports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three engines' SWIM over the in-memory CART-J network, on short DAOS-style timings. */
class SwimServiceTest {
  private static final SwimConfig FAST = new SwimConfig(100, 80, 600, 2, 8, 50);

  private final CartTransport net = CartTransports.inMemory();
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<CartServer> servers = new ArrayList<>();
  private final List<SwimService> services = new ArrayList<>();
  private final List<String> deaths = new CopyOnWriteArrayList<>();
  private final CountDownLatch twoReports = new CountDownLatch(2);
  private final AtomicReference<Map<Integer, SwimService.Peer>> map = new AtomicReference<>(Map.of());

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private void startEngines(int n) {
    Map<Integer, SwimService.Peer> peers = new HashMap<>();
    for (int rank = 0; rank < n; rank++) {
      int self = rank;
      CartClient client = CartClient.builder().transport(net).name("swim " + rank).build();
      SwimService s = new SwimService("engine " + rank, FAST, 1000 + rank,
          () -> new SwimService.Roster(self, map.get()), client, (r, inc) -> {
            deaths.add(self + " saw " + r + "@" + inc);
            twoReports.countDown();
          });
      CartServer server = s.registerOn(CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0")
          .name("engine " + rank).build()).start();
      open.add(client);
      open.add(server);
      open.add(s);
      servers.add(server);
      services.add(s);
      peers.put(rank, new SwimService.Peer(server.uri(), 1000 + rank));
    }
    map.set(peers);
    services.forEach(SwimService::start);
  }

  @Test
  void stoppedEngineIsDeclaredDeadByTheOthersOnce() throws Exception {
    startEngines(3);
    Thread.sleep(500); // several periods with everyone answering
    assertTrue(deaths.isEmpty(), "no false positive while all answer: " + deaths);
    long t0 = System.nanoTime();
    services.get(2).close(); // rank 2 stops as a frozen engine does: it neither answers nor sends
    servers.get(2).close();
    assertTrue(twoReports.await(10, TimeUnit.SECONDS), "ranks 0 and 1 report rank 2 dead: " + deaths);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= FAST.suspectTimeoutMs(), "not before the suspect timeout: " + ms + " ms");
    Thread.sleep(300);
    assertEquals(List.of("0 saw 2@1002", "1 saw 2@1002"), deaths.stream().sorted().toList());
    assertEquals(MemberStatus.ALIVE, services.get(0).onSwimThread(() -> services.get(0).swim().status(1)));
    assertEquals(MemberStatus.ALIVE, services.get(1).onSwimThread(() -> services.get(1).swim().status(0)));
  }

  @Test
  void rankRemovedFromTheMapIsNotProbedNorReported() throws Exception {
    startEngines(3);
    Thread.sleep(300);
    Map<Integer, SwimService.Peer> shrunk = new HashMap<>(map.get());
    shrunk.remove(2);
    map.set(shrunk);
    Thread.sleep(200);
    services.get(2).close();
    servers.get(2).close();
    Thread.sleep(3 * FAST.suspectTimeoutMs());
    assertTrue(deaths.stream().noneMatch(d -> d.endsWith(" 2@1002") && !d.startsWith("2")), deaths.toString());
    assertEquals(null, services.get(0).onSwimThread(() -> services.get(0).swim().status(2)));
  }

  @Test
  void engineAloneInItsMapProbesNobody() throws Exception {
    startEngines(1);
    Thread.sleep(300);
    assertEquals(-1, (int) services.get(0).onSwimThread(() -> services.get(0).swim().target()));
  }
}
