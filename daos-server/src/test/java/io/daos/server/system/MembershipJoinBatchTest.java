package io.daos.server.system;

import static io.daos.server.system.Mocks.unstamped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.errors.NotLeaderException;
import io.daos.server.sysdb.InMemorySystemDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A batch of joins gives every join the response or error it gets when the joins run one after another, and
 * writes the database once.
 */
class MembershipJoinBatchTest {
  static final FaultDomain FD = FaultDomain.parse("/rack1/host1");

  record Case(String name, List<JoinRequest> reqs) {
    @Override
    public String toString() {
      return name;
    }
  }

  static JoinRequest.Builder engine(int host, int idx, UUID uuid) {
    String ip = "10.0.0." + host;
    return JoinRequest.builder().rank(Member.NIL_RANK).uuid(uuid).controlAddr(ip + ":10001")
        .primaryFabricUri("ofi+tcp://" + ip + ":" + (31416 + 2 * idx)).fabricContexts(16)
        .faultDomain(FaultDomain.parse("/rack1/host" + host));
  }

  static UUID uuid(int i) {
    return new UUID(42, i);
  }

  static List<Case> cases() {
    List<JoinRequest> storm = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      storm.add(engine(i / 2, i % 2, uuid(i)).rank(i == 0 ? 0 : Member.NIL_RANK).build());
    }
    return List.of(
        new Case("new members get consecutive ranks", storm),
        new Case("duplicate UUID from another address", List.of(engine(1, 0, uuid(1)).build(),
            engine(2, 0, uuid(1)).build(), engine(3, 0, uuid(3)).build())),
        new Case("duplicate address with another UUID needs --replace", List.of(engine(1, 0, uuid(1)).build(),
            engine(1, 0, uuid(2)).build(), engine(1, 1, uuid(3)).build())),
        new Case("rejoin of a member joined earlier in the batch", List.of(engine(1, 0, uuid(1)).build(),
            engine(1, 0, uuid(1)).incarnation(7).build())),
        new Case("rejoin with an unknown rank", List.of(engine(1, 0, uuid(1)).build(),
            engine(1, 0, uuid(1)).rank(9).build(), engine(1, 1, uuid(2)).build())),
        new Case("bad fault domain depth fails alone", List.of(engine(1, 0, uuid(1)).build(),
            engine(2, 0, uuid(2)).faultDomain(FaultDomain.parse("/host2")).build(), engine(3, 0, uuid(3)).build())),
        new Case("replace rank joined earlier in the batch", List.of(engine(1, 0, uuid(1)).build(),
            engine(1, 0, uuid(2)).rank(1).replace(true).build(), engine(1, 0, uuid(2)).build())),
        new Case("no primary fabric URI", List.of(engine(1, 0, uuid(1)).primaryFabricUri("").build(),
            engine(1, 0, uuid(1)).build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void batchMatchesSequentialJoins(Case tc) {
    InMemorySystemDb seqDb = new InMemorySystemDb();
    List<Object> want = new ArrayList<>();
    for (JoinRequest r : tc.reqs()) {
      want.add(outcome(() -> new Joiner(seqDb).join(r)));
    }
    InMemorySystemDb db = new InMemorySystemDb();
    List<JoinBatcher.Outcome> got = new Membership(db).joinAll(tc.reqs());
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      Object g = got.get(i).error() != null ? got.get(i).error().getMessage() : unstamped(got.get(i).response());
      assertEquals(want.get(i), g, "join " + i);
    }
    assertEquals(unstampedMembers(seqDb), unstampedMembers(db));
    assertEquals(seqDb.nextRank(), db.nextRank());
    assertEquals(seqDb.mapVersion(), db.mapVersion());
    assertEquals(Math.min(1, seqDb.dataVersion()), db.dataVersion(), "one database entry for the batch");
  }

  @Test
  void notLeaderFailsEveryJoinThatWouldWrite() {
    InMemorySystemDb db = new InMemorySystemDb();
    db.setLeader(false);
    List<JoinBatcher.Outcome> got = new Membership(db).joinAll(List.of(engine(1, 0, uuid(1)).build(),
        engine(1, 0, uuid(2)).primaryFabricUri("").build()));
    assertInstanceOf(NotLeaderException.class, got.get(0).error());
    assertTrue(got.get(1).error().getMessage().contains("no primary fabric URI"), "own validation error kept");
    assertNull(got.get(0).response());
  }

  @Test
  void concurrentJoinsAllGetDistinctRanks() throws Exception {
    InMemorySystemDb db = new InMemorySystemDb();
    Membership ms = new Membership(db).withJoinBatchWindow(Duration.ofMillis(20));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<JoinResponse>> fs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        JoinRequest r = engine(i / 2, i % 2, uuid(i)).build();
        fs.add(pool.submit(() -> {
          go.await();
          return ms.join(r);
        }));
      }
      go.countDown();
      Set<Integer> ranks = new HashSet<>();
      for (Future<JoinResponse> f : fs) {
        ranks.add(f.get(30, TimeUnit.SECONDS).member().rank());
      }
      assertEquals(200, ranks.size());
      assertEquals(200, ms.count());
      assertTrue(db.dataVersion() < 200, "joins shared entries: " + db.dataVersion());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Object outcome(java.util.function.Supplier<JoinResponse> join) {
    try {
      return unstamped(join.get());
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  private static JoinResponse unstamped(JoinResponse r) {
    return new JoinResponse(Mocks.unstamped(r.member()), r.created(), r.prevState(), r.mapVersion());
  }

  private static List<Member> unstampedMembers(InMemorySystemDb db) {
    return Mocks.unstamped(db.allMembers());
  }
}
