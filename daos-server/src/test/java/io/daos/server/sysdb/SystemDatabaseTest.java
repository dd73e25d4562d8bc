package io.daos.server.sysdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.errors.NotLeaderException;
import io.daos.server.system.FaultDomain;
import io.daos.server.system.JoinRequest;
import io.daos.server.system.JoinResponse;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.Membership;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MS database on real Ratis servers (Netty, 127.0.0.1, free ports). */
class SystemDatabaseTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final List<SystemDatabase> open = new ArrayList<>();

  @TempDir
  Path tmp;

  @AfterEach
  void closeAll() {
    open.forEach(SystemDatabase::close);
  }

  /** A control address whose Raft port (control + 1) is free. */
  static String freeControlAddr() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + (s.getLocalPort() - 1);
    }
  }

  private SystemDatabase start(String addr, List<String> replicas, Path dir) throws Exception {
    SystemDatabase db = SystemDatabase.builder().replicaAddr(addr).replicas(replicas).storageDir(dir)
        .snapshotThreshold(8).build();
    open.add(db);
    db.start();
    return db;
  }

  private static final AtomicInteger URI_PORT = new AtomicInteger(31416);

  static JoinRequest join(int rank, int host) {
    String addr = "10.0.0." + host + ":10001";
    return JoinRequest.builder().rank(rank).uuid(UUID.randomUUID()).controlAddr(addr)
        .primaryFabricUri("ofi+tcp://10.0.0." + host + ":" + URI_PORT.getAndIncrement())
        .faultDomain(FaultDomain.parse("/host")).incarnation(7).build();
  }

  @Test
  void raftPortIsControlPortPlusOne() {
    assertEquals("10.0.0.1:10002", SystemDatabase.raftAddress("10.0.0.1:10001"));
    assertThrows(IllegalArgumentException.class, () -> SystemDatabase.raftAddress("10.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> SystemDatabase.builder().replicaAddr("a:1")
        .replicas(List.of("b:1")).storageDir(tmp).build());
  }

  @Test
  void singleReplicaRecoversAllStateAfterRestart() throws Exception {
    String addr = freeControlAddr();
    Path dir = tmp.resolve("control_raft");
    SystemDatabase db = start(addr, List.of(addr), dir);
    CountDownLatch gained = new CountDownLatch(1);
    db.addLeadershipListener(listener(gained, new CountDownLatch(1)));
    assertTrue(db.awaitLeader(TIMEOUT), "no leader");
    assertTrue(gained.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "leadership listener not called");

    Membership ms = new Membership(db);
    assertEquals(0, ms.join(join(0, 1)).member().rank(), "bootstrap engine takes rank 0");
    for (int i = 1; i < 20; i++) {
      JoinResponse r = ms.join(join(Member.NIL_RANK, 1 + i / 4));
      assertEquals(i, r.member().rank());
      assertEquals(i + 1, r.mapVersion());
    }
    db.incMapVersion();
    db.addPoolService(PoolService.creating(UUID.randomUUID(), "tank", null));
    db.setSystemAttrs(Map.of("self_heal", "exclude"));
    List<Member> members = db.allMembers();
    long dataVersion = db.dataVersion();
    int nextRank = db.nextRank();
    int mapVersion = db.mapVersion();
    assertEquals(23, dataVersion);
    assertEquals(20, nextRank);
    assertEquals(21, mapVersion);
    db.close();
    assertTrue(snapshotCount(dir) >= 1 && snapshotCount(dir) <= 2, "snapshots kept: " + snapshotCount(dir));

    SystemDatabase again = start(addr, List.of(addr), dir);
    assertTrue(again.awaitLeader(TIMEOUT), "no leader after restart");
    assertEquals(members, again.allMembers());
    assertEquals(dataVersion, again.dataVersion());
    assertEquals(nextRank, again.nextRank());
    assertEquals(mapVersion, again.mapVersion());
    assertEquals("tank", again.poolServices(true).get(0).poolLabel());
    assertEquals(Map.of("self_heal", "exclude"), again.getSystemAttrs(List.of()));
    assertEquals(20, new Membership(again).join(join(Member.NIL_RANK, 9)).member().rank());
  }

  private static long snapshotCount(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+")).count();
    }
  }

  @Test
  void threeReplicasReplicateAndFollowersRedirect() throws Exception {
    List<String> addrs = List.of(freeControlAddr(), freeControlAddr(), freeControlAddr());
    List<SystemDatabase> dbs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      dbs.add(start(addrs.get(i), addrs, tmp.resolve("r" + i)));
    }
    SystemDatabase leader = dbs.get(0);
    assertTrue(leader.awaitLeader(TIMEOUT), "bootstrap replica did not lead");
    assertTrue(leader.isLeader());
    assertFalse(dbs.get(1).isLeader());

    // Engines on the other replicas' hosts join: the leader adds those replicas as voters (manageVoter).
    Membership ms = new Membership(leader);
    for (int i = 0; i < 3; i++) {
      ms.join(JoinRequest.builder().rank(i == 0 ? 0 : Member.NIL_RANK).uuid(UUID.randomUUID())
          .controlAddr(addrs.get(i)).primaryFabricUri("ofi+tcp://127.0.0.1:" + (40000 + i)).build());
    }
    leader.incMapVersion();
    for (SystemDatabase f : dbs.subList(1, 3)) {
      await(f, () -> f.dataVersion() == leader.dataVersion(), "follower " + f.replicaAddr() + " caught up");
      assertEquals(leader.allMembers(), f.allMembers());
      assertEquals(leader.mapVersion(), f.mapVersion());
      assertEquals(leader.nextRank(), f.nextRank());
      await(f, () -> f.leader().isPresent(), "follower knows the leader");
      assertEquals(addrs.get(0), f.leader().orElseThrow());
    }

    SystemDatabase follower = dbs.get(1);
    NotLeaderException e = assertThrows(NotLeaderException.class,
        () -> new Membership(follower).join(JoinRequest.builder().uuid(UUID.randomUUID())
            .controlAddr("10.0.0.5:10001").primaryFabricUri("ofi+tcp://10.0.0.5:1").build()));
    assertEquals(addrs.get(0), e.leaderHint());
    assertEquals(List.of(addrs.get(0), addrs.get(2)), e.replicas());
    assertEquals(3, follower.memberCount(MemberState.JOINED.mask()), "reads are served by followers");
  }

  /**
   * Waits until {@code cond} holds, re-checking it whenever {@code db}'s replica applies an entry or hears of a
   * leader (its {@link io.daos.raft.RaftChanges}), never on a timer; fails after {@link #TIMEOUT}.
   */
  private static void await(SystemDatabase db, BooleanSupplier cond, String what) throws InterruptedException {
    if (!db.changes().await(cond, TIMEOUT)) {
      throw new AssertionError("timed out waiting until " + what);
    }
  }

  private static LeadershipListener listener(CountDownLatch gained, CountDownLatch lost) {
    return new LeadershipListener() {
      @Override
      public void onLeadershipGained() {
        gained.countDown();
      }

      @Override
      public void onLeadershipLost() {
        lost.countDown();
      }
    };
  }
}
