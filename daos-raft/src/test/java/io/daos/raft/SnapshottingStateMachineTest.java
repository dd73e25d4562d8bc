package io.daos.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.util.SizeInBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshotting base on real Ratis servers (Netty, 127.0.0.1, free ports) with a counter as the state. */
class SnapshottingStateMachineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final long SNAPSHOT_THRESHOLD = 5;

  @TempDir
  Path tmp;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** The replicated state: a count of applied entries; its snapshot is the count in decimal. */
  static final class Counter extends SnapshottingStateMachine {
    final AtomicInteger pauses = new AtomicInteger();
    private long count;

    Counter() {
      super(new RaftChanges());
    }

    @Override
    protected String name() {
      return "counter";
    }

    @Override
    protected SnapshotLoad readSnapshot(Path file) throws IOException {
      long loaded = Long.parseLong(Files.readString(file));
      return () -> count = loaded;
    }

    @Override
    protected SnapshotWrite copyState() {
      long copy = count;
      return file -> Files.writeString(file, Long.toString(copy));
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
      long n = applyLocked(trx.getLogEntry(), () -> ++count);
      return CompletableFuture.completedFuture(Message.valueOf(Long.toString(n)));
    }

    @Override
    public void pause() {
      pauses.incrementAndGet();
      super.pause();
    }

    long count() {
      return read(() -> count);
    }
  }

  private static String freeAddr() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  /** RaftSettings, with small log segments purged at once so that a snapshot really replaces the log. */
  private static RaftProperties properties(String addr, Path dir) {
    RaftProperties p = RaftSettings.of(addr, dir, SNAPSHOT_THRESHOLD).electionTimeout(Duration.ofMillis(500))
        .firstElectionTimeout(Duration.ofMillis(100)).properties();
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf("1KB"));
    RaftServerConfigKeys.Log.setPurgeGap(p, 1);
    return p;
  }

  private RaftServer start(RaftPeer peer, RaftGroup group, Counter sm, Path dir, RaftStorage.StartupOption option)
      throws IOException {
    RaftServer s = RaftServer.newBuilder().setServerId(peer.getId()).setGroup(group).setStateMachine(sm)
        .setProperties(properties(peer.getAddress(), dir)).setOption(option).build();
    s.start();
    open.add(s);
    return s;
  }

  private RaftClient client(RaftGroup group) throws IOException {
    RaftClient c = RaftClient.newBuilder().setProperties(properties(freeAddr(), tmp)).setRaftGroup(group).build();
    open.add(0, c);
    return c;
  }

  private static void add(RaftClient client, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      RaftClientReply r = client.io().send(Message.valueOf("add"));
      assertTrue(r.isSuccess(), () -> "entry not applied: " + r.getException());
    }
  }

  private static List<Path> snapshots(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+")).sorted().toList();
    }
  }

  @Test
  void snapshotsAreRatisSingleFilesAndTheStateIsReloadedFromThemAfterARestart() throws Exception {
    RaftPeer peer = Peers.peer(RaftPeerId.valueOf("a"), freeAddr());
    RaftGroup group = Peers.group(Peers.groupId("snapshot test"), List.of(peer));
    Path dir = tmp.resolve("a");
    Counter sm = new Counter();
    RaftServer server = start(peer, group, sm, dir, RaftStorage.StartupOption.FORMAT);
    add(client(group), 12);
    assertTrue(sm.changes().await(() -> !uncheckedSnapshots(dir).isEmpty(), TIMEOUT), "no snapshot taken");
    server.close();
    List<Path> files = snapshots(dir);
    assertTrue(files.size() <= RaftSettings.SNAPSHOTS_RETAINED, "snapshots kept: " + files);
    for (Path f : files) {
      assertEquals("sm", f.getParent().getFileName().toString());
      assertTrue(Files.exists(f.resolveSibling(f.getFileName() + ".md5")), "no MD5 beside " + f);
    }
    long last = Long.parseLong(Files.readString(files.get(files.size() - 1), StandardCharsets.UTF_8));
    assertTrue(last >= SNAPSHOT_THRESHOLD && last <= 12, "snapshot of count " + last);

    Counter again = new Counter();
    start(peer, group, again, dir, RaftStorage.StartupOption.RECOVER);
    assertTrue(again.changes().await(() -> again.count() == 12, TIMEOUT), "count after restart: " + again.count());
  }

  /**
   * The snapshot files, walking again at once when Ratis wrote or purged a file during the walk (a file listed then
   * gone): the await that asks has no later signal to wait for once the last snapshot is taken, so "look again
   * later" could wait out its whole timeout (two fresh-clone CI runs failed so).
   */
  private static List<Path> uncheckedSnapshots(Path dir) {
    for (int attempt = 1; ; attempt++) {
      try {
        return snapshots(dir);
      } catch (IOException | java.io.UncheckedIOException e) {
        if (attempt == 100) {
          throw new AssertionError("the snapshot directory kept changing during 100 walks", e);
        }
      }
    }
  }

  @Test
  void aFollowerBehindThePurgedLogIsPausedAndReinitializedFromTheLeadersSnapshot() throws Exception {
    List<RaftPeer> peers = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      peers.add(Peers.peer(RaftPeerId.valueOf(id), freeAddr()));
    }
    RaftGroup group = Peers.group(Peers.groupId("install snapshot test"), peers);
    for (int i = 0; i < 2; i++) {
      start(peers.get(i), group, new Counter(), tmp.resolve("r" + i), RaftStorage.StartupOption.FORMAT);
    }
    add(client(group), 40);

    Counter late = new Counter();
    start(peers.get(2), group, late, tmp.resolve("r2"), RaftStorage.StartupOption.FORMAT);
    assertTrue(late.changes().await(() -> late.count() == 40, TIMEOUT), "late replica's count: " + late.count());
    assertTrue(late.pauses.get() >= 1, "the late replica caught up by replaying the log, not from a snapshot");
  }
}
