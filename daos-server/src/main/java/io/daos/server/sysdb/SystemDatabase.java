package io.daos.server.sysdb;

import io.daos.common.DaemonThreads;
import io.daos.common.LifeCycle;
import io.daos.control.errors.NotLeaderException;
import io.daos.raft.RaftChanges;
import io.daos.raft.RaftSettings;
import io.daos.server.system.Member;
import io.daos.server.system.SystemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS database replicated with Apache Ratis (DESIGN D4). Each replica in {@code mgmt_svc_replicas} runs
 * one; the first listed bootstraps a single-voter group and adds the other replicas as voters when members
 * on their hosts join (DAOS manageVoter). Raft port = control port + 1 (see {@link #raftAddress}). Reads are
 * local; writes go through a Ratis client to this replica and only while it is the leader.
 */
public final class SystemDatabase extends AbstractSystemDb {
  private static final Logger LOG = LoggerFactory.getLogger(SystemDatabase.class);

  private final String replicaAddr;
  private final List<String> replicas;
  private final Path storageDir;
  private final long snapshotThreshold;
  private final Duration electionTimeout;
  private final RaftTls raftTls;
  private final RaftPeers peers;
  private final LifeCycle lifeCycle;
  private final AtomicBoolean leaderNotified = new AtomicBoolean();
  private final RaftChanges changes = new RaftChanges();
  private final ExecutorService notifier;
  private RaftServer server;
  private RaftClient client;

  private SystemDatabase(Builder b) {
    super(b.clock);
    this.replicaAddr = Objects.requireNonNull(b.replicaAddr, "replicaAddr");
    this.replicas = List.copyOf(b.replicas.isEmpty() ? List.of(b.replicaAddr) : b.replicas);
    this.storageDir = Objects.requireNonNull(b.storageDir, "storageDir");
    this.snapshotThreshold = b.snapshotThreshold;
    this.electionTimeout = b.electionTimeout;
    this.raftTls = b.raftTls;
    if (!replicas.contains(replicaAddr)) {
      throw new IllegalArgumentException("not an MS replica: " + replicaAddr + " is not one of " + replicas);
    }
    this.peers = new RaftPeers(replicas);
    this.lifeCycle = new LifeCycle("MS database " + replicaAddr);
    this.notifier = Executors.newSingleThreadExecutor(DaemonThreads.named("ms-leadership-" + replicaAddr));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Raft address ("host:port") of the MS replica whose control plane listens at {@code controlAddr}:
   * Raft port = control port + 1, e.g. 10001 ⇒ 10002.
   */
  public static String raftAddress(String controlAddr) {
    return RaftPeers.raftAddress(controlAddr);
  }

  /** Starts Ratis: FORMAT when {@code storageDir} holds no MS data yet, RECOVER (replay) otherwise. */
  public void start() throws IOException {
    lifeCycle.transition(LifeCycle.State.STARTING);
    try {
      Files.createDirectories(storageDir);
      boolean exists = Files.isDirectory(storageDir.resolve(RaftPeers.GROUP_ID.getUuid().toString()));
      RaftSettings settings = RatisConfig.settings(replicaAddr, storageDir, snapshotThreshold, electionTimeout);
      if (raftTls != null) {
        settings.tls(raftTls.key(), raftTls.trust());
      }
      RaftProperties props = settings.properties();
      Parameters params = settings.parameters();
      server = RaftServer.newBuilder().setServerId(RaftPeers.peerId(replicaAddr)).setProperties(props)
          .setParameters(params)
          .setStateMachine(new MsStateMachine(state, new Events(), changes)).setGroup(initialGroup())
          .setOption(exists ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT).build();
      server.start();
      client = RaftClient.newBuilder().setProperties(props).setParameters(params).setRaftGroup(peers.allPeersGroup())
          .setLeaderId(RaftPeers.peerId(replicaAddr))
          .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(10,
              TimeDuration.valueOf(200, TimeUnit.MILLISECONDS))).build();
      lifeCycle.transition(LifeCycle.State.RUNNING);
      LOG.info("MS database {} started ({}, bootstrap={}, raft {})", replicaAddr, exists ? "recovered" : "new",
          isBootstrap(), raftAddress(replicaAddr));
    } catch (IOException | RuntimeException e) {
      lifeCycle.transition(LifeCycle.State.FAILED);
      close();
      throw e;
    }
  }

  /** Bootstrap replica: a single-voter group of itself; other replicas wait to be added by the leader. */
  private RaftGroup initialGroup() {
    return isBootstrap() ? RaftGroup.valueOf(RaftPeers.GROUP_ID, peers.peer(replicaAddr))
        : RaftGroup.valueOf(RaftPeers.GROUP_ID);
  }

  /** True if this is the first configured replica (the one that bootstraps a new system). */
  public boolean isBootstrap() {
    return replicas.get(0).equals(replicaAddr);
  }

  public String replicaAddr() {
    return replicaAddr;
  }

  /**
   * Waits until a leader is known (and ready, if it is this replica); false on timeout. It re-checks whenever
   * this replica hears of a leader or applies an entry, never on a timer.
   */
  public boolean awaitLeader(Duration timeout) throws InterruptedException {
    return changes.await(this::leaderKnown, timeout);
  }

  private boolean leaderKnown() {
    Optional<String> l = leader();
    return l.isPresent() && (!l.get().equals(replicaAddr) || isLeader());
  }

  /** Signalled whenever this replica's Raft state moves (entry applied, snapshot loaded, leader change). */
  RaftChanges changes() {
    return changes;
  }

  @Override
  public boolean isLeader() {
    DivisionInfo info = info();
    return info != null && info.isLeader() && info.isLeaderReady();
  }

  @Override
  public Optional<String> leader() {
    DivisionInfo info = info();
    RaftPeerId id = info == null ? null : info.getLeaderId();
    return id == null ? Optional.empty() : peers.controlAddr(id);
  }

  @Override
  public List<String> replicas() {
    return replicas;
  }

  @Override
  public void checkLeader() {
    if (!lifeCycle.isRunning()) {
      throw new SystemException(SystemException.Kind.RAFT_UNAVAILABLE,
          "raft service unavailable (not started yet?)");
    }
    if (!isLeader()) {
      throw notLeader(leader().orElse(""));
    }
  }

  private NotLeaderException notLeader(String hint) {
    List<String> others = new ArrayList<>(replicas);
    others.remove(replicaAddr);
    return new NotLeaderException(hint, others);
  }

  private DivisionInfo info() {
    try {
      return server == null ? null : server.getDivision(RaftPeers.GROUP_ID).getInfo();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  DbReply submit(byte[] entry) {
    RaftClientReply reply;
    try {
      reply = client.io().send(Message.valueOf(ByteString.copyFrom(entry)));
    } catch (IOException e) {
      throw failedWrite(e);
    }
    if (!reply.isSuccess()) {
      throw failedWrite(reply.getException());
    }
    return DbReply.decode(reply.getMessage().getContent().toByteArray());
  }

  /**
   * DAOS submitRaftUpdate: a write that fails because leadership moved or was lost (no quorum: the entry was
   * never committed and this replica stepped down) answers not-leader, so that clients retry on the new leader
   * or report that there is none; only a failure while this replica still leads is a database error.
   */
  private RuntimeException failedWrite(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof org.apache.ratis.protocol.exceptions.NotLeaderException nle) {
        RaftPeer hint = nle.getSuggestedLeader();
        return notLeader(hint == null ? "" : peers.controlAddr(hint.getId()).orElse(""));
      }
    }
    if (!isLeader()) {
      String hint = leader().filter(l -> !l.equals(replicaAddr)).orElse("");
      LOG.info("MS replica {}: write not committed, leadership lost (leader now: {}): {}", replicaAddr,
          hint.isEmpty() ? "none" : hint, e.toString());
      return notLeader(hint);
    }
    LOG.warn("MS replica {}: write failed while leading: {}", replicaAddr, e.toString());
    return new SystemException(SystemException.Kind.RAFT_UNAVAILABLE, "MS database write failed on the leader "
        + replicaAddr + " (" + rootMessage(e) + "); check that a majority of the MS replicas " + replicas
        + " are running and can reach each other");
  }

  private static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  /** DAOS manageVoter: a member on another replica's host makes that replica a voter. */
  @Override
  void beforeMemberWrite(Member m) {
    if (!replicas.contains(m.addr()) || m.addr().equals(replicaAddr)) {
      return;
    }
    try {
      List<RaftPeer> conf = new ArrayList<>(server.getDivision(RaftPeers.GROUP_ID).getRaftConf().getCurrentPeers());
      RaftPeer voter = peers.peer(m.addr());
      if (conf.stream().anyMatch(p -> p.getId().equals(voter.getId()))) {
        return;
      }
      conf.add(voter);
      LOG.info("adding MS replica {} as a raft voter", m.addr());
      RaftClientReply reply = client.admin().setConfiguration(conf);
      if (!reply.isSuccess()) {
        throw failedWrite(reply.getException());
      }
    } catch (IOException e) {
      throw new SystemException(SystemException.Kind.RAFT_UNAVAILABLE,
          "failed to add " + m.addr() + " as an MS replica: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    if (leaderNotified.getAndSet(false)) {
      notifier.execute(() -> listeners.forEach(LeadershipListener::onLeadershipLost));
    }
    closeQuietly(client);
    closeQuietly(server);
    notifier.shutdown();
    lifeCycle.transition(LifeCycle.State.CLOSED);
    LOG.info("MS database {} stopped", replicaAddr);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception e) {
      LOG.warn("closing {}: {}", c, e.toString());
    }
  }

  private final class Events implements MsStateMachine.Events {
    @Override
    public void leaderReady() {
      if (!leaderNotified.getAndSet(true)) {
        LOG.info("MS replica {} gained leadership", replicaAddr);
        notifier.execute(() -> listeners.forEach(SystemDatabase::gained));
      }
    }

    @Override
    public void leaderChanged(RaftPeerId newLeader) {
      if (!RaftPeers.peerId(replicaAddr).equals(newLeader) && leaderNotified.getAndSet(false)) {
        LOG.info("MS replica {} lost leadership", replicaAddr);
        notifier.execute(() -> listeners.forEach(SystemDatabase::lost));
      }
    }

    @Override
    public void applyFailed(Exception cause) {
      new Thread(SystemDatabase.this::close, "ms-emergency-shutdown").start();
    }
  }

  private static void gained(LeadershipListener l) {
    try {
      l.onLeadershipGained();
    } catch (RuntimeException e) {
      LOG.error("failure in onLeadershipGained callback: {}", e.toString());
    }
  }

  private static void lost(LeadershipListener l) {
    try {
      l.onLeadershipLost();
    } catch (RuntimeException e) {
      LOG.error("failure in onLeadershipLost callback: {}", e.toString());
    }
  }

  private record RaftTls(KeyManager key, TrustManager trust) {
  }

  /** Builder; {@code replicaAddr} and {@code storageDir} are required. */
  public static final class Builder {
    private String replicaAddr;
    private List<String> replicas = List.of();
    private Path storageDir;
    private long snapshotThreshold = 32;
    private Duration electionTimeout = RatisConfig.DEFAULT_ELECTION_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private RaftTls raftTls;

    /**
     * Raft between the replicas over gRPC with mutual TLS (a secure system: the server certificate, and peers that
     * present a server certificate of the system's CA); default: plain Netty, as in insecure mode.
     */
    public Builder raftTls(KeyManager key, TrustManager trust) {
      raftTls = new RaftTls(key, trust);
      return this;
    }

    /** This replica's control address ("ip:port"), one of {@link #replicas}. */
    public Builder replicaAddr(String v) {
      replicaAddr = v;
      return this;
    }

    /** All MS replicas' control addresses, the bootstrap replica first (default: just this one). */
    public Builder replicas(List<String> v) {
      replicas = List.copyOf(v);
      return this;
    }

    /** Where Ratis keeps its log and snapshots (the server passes {@code <scm_mount>/control_raft}). */
    public Builder storageDir(Path v) {
      storageDir = v;
      return this;
    }

    /** Entries between automatic snapshots (DAOS: 32). */
    public Builder snapshotThreshold(long v) {
      snapshotThreshold = v;
      return this;
    }

    /** Lower bound of the randomised election timeout (default 2 s, as DAOS; upper bound twice this). */
    public Builder electionTimeout(Duration v) {
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("election timeout must be positive: " + v);
      }
      electionTimeout = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public SystemDatabase build() {
      return new SystemDatabase(this);
    }
  }
}
