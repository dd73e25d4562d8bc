package io.daos.agent.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.mgmt.PoolMonitorReq;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessMonitorTest {
  private final LinkedBlockingQueue<String> evictions = new LinkedBlockingQueue<>();
  private final List<String> cleanups = new CopyOnWriteArrayList<>();
  private final Map<Long, CompletableFuture<Void>> exits = new ConcurrentHashMap<>();
  private final ProcessMonitor mon = new ProcessMonitor(new PoolEvicter() {
    @Override
    public void evict(String pool, Collection<String> handles) {
      evictions.add(pool + "=" + new java.util.TreeSet<>(handles));
    }

    @Override
    public void cleanupMachine(String machine) {
      cleanups.add(machine);
    }
  }, pid -> exits.computeIfAbsent(pid, p -> new CompletableFuture<>()));

  @AfterEach
  void tearDown() {
    mon.close();
  }

  private static PoolMonitorReq req(String pool, String handle) {
    return PoolMonitorReq.newBuilder().setSys("daos_server").setPoolUUID(pool).setPoolHandleUUID(handle).build();
  }

  @Test
  void handlesPerProcessAreCapped() {
    for (int i = 0; i < ProcessMonitor.MAX_HANDLES_PER_PROCESS; i++) {
      assertTrue(mon.addPoolHandle(20, req("p" + (i % 7), "h" + i)));
    }
    assertFalse(mon.addPoolHandle(20, req("p1", "one-too-many")));
    assertEquals(ProcessMonitor.MAX_HANDLES_PER_PROCESS,
        mon.handles(20).values().stream().mapToInt(Set::size).sum());
    assertTrue(mon.addPoolHandle(21, req("p1", "h1")), "another process is not affected");
    mon.removePoolHandle(20, req("p1", "h1"));
    assertTrue(mon.addPoolHandle(20, req("p1", "again")), "room again after a disconnect");
  }

  @Test
  void connectDisconnectTracksHandlesPerPid() throws Exception {
    mon.addPoolHandle(10, req("p1", "h1"));
    mon.addPoolHandle(10, req("p1", "h2"));
    mon.addPoolHandle(11, req("p2", "h3"));
    assertEquals(Map.of("p1", Set.of("h1", "h2")), mon.handles(10));
    mon.removePoolHandle(10, req("p1", "h1"));
    mon.removePoolHandle(10, req("p1", "unknown"));
    assertEquals(Map.of("p1", Set.of("h2")), mon.handles(10));
    mon.removePoolHandle(10, req("p1", "h2"));
    assertEquals(Map.of(), mon.handles(10));
    mon.notifyExit(10);
    assertEquals(null, evictions.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  void notifyExitEvictsLeakedHandles() throws Exception {
    mon.addPoolHandle(10, req("p1", "h1"));
    mon.addPoolHandle(10, req("p2", "h2"));
    mon.notifyExit(10);
    assertEquals(Set.of("p1=[h1]", "p2=[h2]"), Set.of(take(), take()));
    assertEquals(Map.of(), mon.handles(10));
  }

  @Test
  void processDeathEvictsLeakedHandles() throws Exception {
    mon.addPoolHandle(20, req("p1", "h1"));
    exits.get(20L).complete(null);
    assertEquals("p1=[h1]", take());
  }

  @Test
  void flushAllEvictsEveryHandleOncePerPool() throws Exception {
    mon.addPoolHandle(10, req("p1", "h1"));
    mon.addPoolHandle(11, req("p1", "h2"));
    mon.flushAll();
    assertEquals("p1=[h1, h2]", take());
    assertTrue(mon.handles(10).isEmpty() && mon.handles(11).isEmpty());
  }

  @Test
  void realProcessExitIsNoticed() throws Exception {
    ProcessMonitor real = new ProcessMonitor(new PoolEvicter() {
      @Override
      public void evict(String pool, Collection<String> handles) {
        evictions.add(pool);
      }

      @Override
      public void cleanupMachine(String machine) {
      }
    });
    try {
      Process p = new ProcessBuilder("sleep", "30").start();
      real.addPoolHandle(p.pid(), req("p9", "h9"));
      p.destroy();
      assertEquals("p9", take());
    } finally {
      real.close();
    }
  }

  private String take() throws InterruptedException {
    String s = evictions.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("no eviction within 10 s");
    }
    return s;
  }
}
