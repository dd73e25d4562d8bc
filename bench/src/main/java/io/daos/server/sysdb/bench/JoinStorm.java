package io.daos.server.sysdb.bench;

import ch.qos.logback.classic.Level;
import io.daos.server.sysdb.SystemDatabase;
import io.daos.server.system.FaultDomain;
import io.daos.server.system.JoinRequest;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.Membership;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * In-process "join storm" benchmark (not a test): N engines (default 1024, two per host) join concurrently
 * through {@link Membership} over a single-replica Ratis MS database, then one members query is timed.
 * Prints {@code {"joins":N,"join_storm_ms":..,"db_entries":..,"query_ms":..,"heap_mb":..}} ({@code db_entries}:
 * the database's data version, i.e. the Raft entries the joins took).
 * Usage: {@code JoinStorm [engines] [threads]}; {@code -DsnapshotThreshold=N} overrides the DAOS default 32;
 * {@code -DjoinBatchWindowMs=N} the join batch window (default DAOS's 250 ms, as daos_server).
 */
public final class JoinStorm {
  private JoinStorm() {
  }

  public static void main(String[] args) throws Exception {
    int engines = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    quietLogs();
    Path dir = Files.createTempDirectory("joinstorm");
    String addr = "127.0.0.1:" + (freePort() - 1);
    long snapshotThreshold = Long.getLong("snapshotThreshold", 32);
    try (SystemDatabase db = SystemDatabase.builder().replicaAddr(addr).storageDir(dir)
        .snapshotThreshold(snapshotThreshold).build()) {
      db.start();
      if (!db.awaitLeader(Duration.ofSeconds(30))) {
        throw new IllegalStateException("MS database did not elect a leader");
      }
      long windowMs = Long.getLong("joinBatchWindowMs", Membership.DAOS_JOIN_BATCH_WINDOW.toMillis());
      Membership ms = new Membership(db).withJoinBatchWindow(Duration.ofMillis(windowMs));
      long t0 = System.nanoTime();
      List<Member> joined = storm(ms, engines, threads);
      long stormMs = (System.nanoTime() - t0) / 1_000_000;
      check(joined, engines);
      long t1 = System.nanoTime();
      int found = ms.members(null, MemberState.ALL_FILTER).size();
      long queryMs = (System.nanoTime() - t1) / 1_000_000;
      if (found != engines) {
        throw new IllegalStateException("query found " + found + " members, want " + engines);
      }
      Runtime rt = Runtime.getRuntime();
      long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
      System.out.printf("{\"joins\":%d,\"join_storm_ms\":%d,\"db_entries\":%d,\"query_ms\":%d,\"heap_mb\":%d}%n",
          engines, stormMs, db.dataVersion(), queryMs, heapMb);
    } finally {
      deleteTree(dir);
    }
  }

  private static List<Member> storm(Membership ms, int engines, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Member>> futures = new ArrayList<>();
      for (int i = 0; i < engines; i++) {
        JoinRequest req = request(i);
        futures.add(pool.submit(() -> ms.join(req).member()));
      }
      List<Member> out = new ArrayList<>();
      for (Future<Member> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Engine i: two engines per host; engine 0 is the bootstrap replica's first engine and asks for rank 0. */
  private static JoinRequest request(int i) {
    int host = i / 2;
    String ip = "10." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "." + (host & 255);
    return JoinRequest.builder().rank(i == 0 ? 0 : Member.NIL_RANK).uuid(UUID.randomUUID())
        .controlAddr(ip + ":10001").primaryFabricUri("ofi+tcp://" + ip + ":" + (31416 + 2 * (i % 2)))
        .fabricContexts(16).faultDomain(FaultDomain.parse("/host" + host)).incarnation(i + 1L).build();
  }

  private static void check(List<Member> joined, int engines) {
    HashSet<Integer> ranks = new HashSet<>();
    joined.forEach(m -> ranks.add(m.rank()));
    if (ranks.size() != engines || !ranks.contains(0)) {
      throw new IllegalStateException("ranks not unique: " + ranks.size() + " distinct of " + engines);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void quietLogs() {
    for (String name : List.of("org.apache.ratis", "io.daos")) {
      if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
        l.setLevel(Level.WARN);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
