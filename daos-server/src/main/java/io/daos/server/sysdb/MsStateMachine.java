package io.daos.server.sysdb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Ratis state machine holding the MS {@link DbState}: applies entries, takes and loads snapshots. */
final class MsStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(MsStateMachine.class);

  /** Told about leadership changes and fatal apply errors. */
  interface Events {
    void leaderReady();

    void leaderChanged(RaftPeerId newLeader);

    void applyFailed(Exception cause);
  }

  private final DbState state;
  private final Events events;
  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final Object applyLock = new Object();

  MsStateMachine(DbState state, Events events) {
    this.state = state;
    this.events = events;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    getLifeCycle().transition(LifeCycle.State.STARTING);
    load(storage.getLatestSnapshot());
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  /** Ratis pauses the state machine before it installs a snapshot from the leader. */
  @Override
  public void pause() {
    if (getLifeCycleState() == LifeCycle.State.RUNNING) {
      getLifeCycle().transition(LifeCycle.State.PAUSING);
      getLifeCycle().transition(LifeCycle.State.PAUSED);
    }
  }

  /** Reloads from the latest snapshot (after one was installed) and resumes. */
  @Override
  public void reinitialize() throws IOException {
    load(storage.loadLatestSnapshot());
    if (getLifeCycleState() == LifeCycle.State.PAUSED) {
      getLifeCycle().transition(LifeCycle.State.STARTING);
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  @Override
  public SimpleStateMachineStorage getStateMachineStorage() {
    return storage;
  }

  private void load(SingleFileSnapshotInfo snap) throws IOException {
    if (snap == null) {
      return;
    }
    Path file = snap.getFile().getPath();
    synchronized (applyLock) {
      try {
        state.restore(Files.readAllBytes(file));
      } catch (IllegalStateException e) {
        throw new IOException("cannot load MS snapshot " + file + ": " + e.getMessage(), e);
      }
      setLastAppliedTermIndex(snap.getTermIndex());
    }
    LOG.debug("MS snapshot loaded from {} (index {})", file, snap.getIndex());
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last;
    byte[] data;
    synchronized (applyLock) {
      last = getLastAppliedTermIndex();
      data = state.snapshot();
    }
    if (last == null || last.getIndex() < 0) {
      return -1;
    }
    File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
    Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
    Files.write(tmp, data);
    Files.move(tmp, file.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
    storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), last));
    LOG.debug("MS snapshot taken at index {}", last.getIndex());
    return last.getIndex();
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
    try {
      DbReply reply;
      synchronized (applyLock) {
        reply = state.apply(data);
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
      }
      return CompletableFuture.completedFuture(Message.valueOf(
          org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(reply.encode())));
    } catch (RuntimeException e) {
      LOG.error("EMERGENCY MS database shutdown: cannot apply entry {}: {}", entry.getIndex(), e.getMessage());
      events.applyFailed(e);
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void notifyLeaderReady() {
    events.leaderReady();
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
    events.leaderChanged(newLeaderId);
  }
}
