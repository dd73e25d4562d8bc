package io.daos.engine.rdb;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.raft.RaftChanges;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.TransferLeadershipRequest;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;

/**
 * This engine's replica of one pool service's database, as one group of the engine's {@link RdbServer}. The leader
 * reads its applied state and commits by submitting to its own Raft server; followers answer DER_NOTLEADER with
 * the leader they know of.
 */
public final class RatisRdb implements Rdb {
  private final UUID uuid;
  private final RaftServer server;
  private final RaftGroupId groupId;
  private final Duration timeout;
  private final Consumer<UUID> onClose;
  private final Parameters parameters;
  /** Identifies this replica's direct submits; call ids are ours, so no other client may share this id. */
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private RaftClient client;
  private volatile boolean closed;

  RatisRdb(UUID uuid, RaftServer server, Duration timeout, Parameters parameters, Consumer<UUID> onClose) {
    this.parameters = parameters;
    this.uuid = uuid;
    this.server = server;
    this.groupId = RdbPeers.groupId(uuid);
    this.timeout = timeout;
    this.onClose = onClose;
  }

  @Override
  public UUID uuid() {
    return uuid;
  }

  private RaftServer.Division division() {
    if (closed) {
      throw new DaosException(DaosStatus.SHUTDOWN, "pool service " + uuid + " is stopped");
    }
    try {
      return server.getDivision(groupId);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.SHUTDOWN, "pool service " + uuid + " is not running here: "
          + e.getMessage(), e);
    }
  }

  private RdbStateMachine stateMachine() {
    return (RdbStateMachine) division().getStateMachine();
  }

  /** Signalled whenever this replica's Raft state moves (entry applied, snapshot loaded, leader change). */
  RaftChanges changes() {
    return stateMachine().changes();
  }

  /**
   * Waits up to {@code timeout} until this replica's state machine has applied every entry its log knew as committed
   * when the wait began: after a restart Ratis replays the log asynchronously, so a local read before that can miss
   * what was committed (the checker's pool clues read the label that way). False when the wait timed out.
   */
  @Override
  public boolean awaitReplayed(Duration timeout) throws InterruptedException {
    RaftServer.Division d = division();
    long committed = d.getRaftLog().getLastCommittedIndex();
    RdbStateMachine sm = (RdbStateMachine) d.getStateMachine();
    return sm.changes().await(() -> {
      var applied = sm.getLastAppliedTermIndex();
      return applied != null && applied.getIndex() >= committed;
    }, timeout);
  }

  @Override
  public boolean isLeader() {
    try {
      DivisionInfo info = division().getInfo();
      return info.isLeader() && info.isLeaderReady();
    } catch (DaosException e) {
      return false;
    }
  }

  @Override
  public OptionalInt leaderHint() {
    try {
      RaftPeerId id = division().getInfo().getLeaderId();
      return RdbPeers.rank(id != null ? id : stateMachine().lastKnownLeader());
    } catch (DaosException e) {
      return OptionalInt.empty();
    }
  }

  @Override
  public long term() {
    try {
      return division().getInfo().getCurrentTerm();
    } catch (DaosException e) {
      return 0;
    }
  }

  /** The ranks of the group's peers (the service replicas), in rank order. */
  public List<Integer> replicaRanks() {
    List<Integer> out = new ArrayList<>();
    try {
      division().getGroup().getPeers().forEach(p -> RdbPeers.rank(p.getId()).ifPresent(out::add));
    } catch (DaosException e) {
      return List.of();
    }
    out.sort(null);
    return out;
  }

  @Override
  public byte[] get(String key) {
    checkLeader();
    return stateMachine().get(key);
  }

  @Override
  public byte[] getLocal(String key) {
    return stateMachine().get(key);
  }

  @Override
  public SortedMap<String, byte[]> scan(String prefix) {
    checkLeader();
    return stateMachine().scan(prefix);
  }

  @Override
  public void commit(RdbTx tx) {
    checkLeader();
    RaftClientRequest req = RaftClientRequest.newBuilder().setClientId(clientId).setServerId(server.getId())
        .setGroupId(groupId).setCallId(callIds.incrementAndGet()).setMessage(message(tx))
        .setType(RaftClientRequest.writeRequestType()).build();
    CompletableFuture<RaftClientReply> f;
    try {
      f = server.submitClientRequestAsync(req);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.SHUTDOWN, "pool service " + uuid + ": " + e.getMessage(), e);
    }
    check(await(f));
  }

  @Override
  public void propose(RdbTx tx) {
    check(await(client().async().send(message(tx))));
  }

  @Override
  public void transferLeadership(int rank) {
    checkLeader();
    if (!replicaRanks().contains(rank)) {
      throw new DaosException(DaosStatus.INVAL, "pool service " + uuid + ": rank " + rank + " is not one of its "
          + "replicas " + replicaRanks());
    }
    TransferLeadershipRequest req = new TransferLeadershipRequest(clientId, server.getId(), groupId,
        callIds.incrementAndGet(), RdbPeers.peerId(rank), timeout.toMillis());
    CompletableFuture<RaftClientReply> f;
    try {
      f = server.transferLeadershipAsync(req);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.SHUTDOWN, "pool service " + uuid + ": " + e.getMessage(), e);
    }
    check(await(f));
  }

  private static Message message(RdbTx tx) {
    return Message.valueOf(ByteString.copyFrom(tx.encode()));
  }

  private synchronized RaftClient client() {
    if (client == null) {
      RaftProperties p = new RaftProperties();
      org.apache.ratis.RaftConfigKeys.Rpc.setType(p, server.getRpcType());
      client = RaftClient.newBuilder().setProperties(p).setParameters(parameters)
          .setRaftGroup(division().getGroup())
          .setClientId(ClientId.randomId())
          .setRetryPolicy(RetryPolicies.retryForeverWithSleep(TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
          .build();
    }
    return client;
  }

  private RaftClientReply await(CompletableFuture<RaftClientReply> f) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new DaosException(DaosStatus.TIMEDOUT, "pool service " + uuid + ": no commit within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaosException(DaosStatus.CANCELED, "pool service " + uuid + ": interrupted while committing", e);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  private void check(RaftClientReply reply) {
    if (reply.isSuccess()) {
      return;
    }
    throw failure(reply.getException());
  }

  private DaosException failure(Throwable cause) {
    if (cause instanceof NotLeaderException nle) {
      OptionalInt hint = nle.getSuggestedLeader() == null ? OptionalInt.empty()
          : RdbPeers.rank(nle.getSuggestedLeader().getId());
      return notLeader(hint);
    }
    if (cause instanceof org.apache.ratis.protocol.exceptions.LeaderNotReadyException
        || cause instanceof org.apache.ratis.protocol.exceptions.LeaderSteppingDownException) {
      return notLeader(OptionalInt.empty());
    }
    if (cause instanceof org.apache.ratis.protocol.exceptions.TimeoutIOException) {
      return new DaosException(DaosStatus.TIMEDOUT, "pool service " + uuid + ": " + cause.getMessage(), cause);
    }
    return new DaosException(DaosStatus.IO, "pool service " + uuid + ": commit failed: " + cause, cause);
  }

  private DaosException notLeader(OptionalInt hint) {
    return new DaosException(DaosStatus.NOTLEADER, "not the leader of pool service " + uuid
        + (hint.isPresent() ? "; leader is rank " + hint.getAsInt() : "; no leader known"));
  }

  private void checkLeader() {
    if (!isLeader()) {
      throw notLeader(leaderHint());
    }
  }

  synchronized void closeClient() {
    closed = true;
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // nothing left to do with a client being dropped
      }
      client = null;
    }
  }

  /** Stops this replica: leaves the engine's Raft server, keeping the data for the next start. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closeClient();
    onClose.accept(uuid);
  }
}
