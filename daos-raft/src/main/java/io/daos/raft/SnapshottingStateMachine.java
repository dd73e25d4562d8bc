package io.daos.raft;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.function.Supplier;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
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

/**
 * The Ratis state machine base of a replicated database (DAOS {@code rdb}): single-file snapshots in Ratis's
 * {@code sm/snapshot.<term>_<index>} files with their MD5, loaded at start; pause and reinitialize around a snapshot
 * the leader installs; one lock shared by apply, snapshot and reads; a {@link RaftChanges} signalled on every state
 * change. A subclass holds its state and says how an entry applies and how a snapshot is written and read.
 */
public abstract class SnapshottingStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshottingStateMachine.class);

  /** A snapshot read from its file, installed into the state under the lock. */
  @FunctionalInterface
  protected interface SnapshotLoad {
    void install() throws IOException;
  }

  /** A copy of the state taken under the lock, written to a file outside it. */
  @FunctionalInterface
  protected interface SnapshotWrite {
    void writeTo(Path file) throws IOException;
  }

  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final Object lock = new Object();
  private final RaftChanges changes;

  protected SnapshottingStateMachine(RaftChanges changes) {
    this.changes = changes;
  }

  /** Reads the snapshot {@code file} (outside the lock); the result replaces the state under it. */
  protected abstract SnapshotLoad readSnapshot(Path file) throws IOException;

  /** Copies the state for a snapshot; called under the lock, the copy is written outside it. */
  protected abstract SnapshotWrite copyState();

  /** How this database names itself in logs, e.g. "MS" or "rdb &lt;group&gt;". */
  protected abstract String name();

  public final RaftChanges changes() {
    return changes;
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
    SnapshotLoad loaded = readSnapshot(file);
    synchronized (lock) {
      loaded.install();
      setLastAppliedTermIndex(snap.getTermIndex());
    }
    changes.signal();
    LOG.debug("{}: snapshot loaded from {} (index {})", name(), file, snap.getIndex());
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last;
    SnapshotWrite copy;
    synchronized (lock) {
      last = getLastAppliedTermIndex();
      copy = copyState();
    }
    if (last == null || last.getIndex() < 0) {
      return -1;
    }
    File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
    Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
    copy.writeTo(tmp);
    Files.move(tmp, file.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
        new FileInfo(file.toPath(), MD5FileUtil.computeAndSaveMd5ForFile(file)), last));
    changes.signal();
    LOG.debug("{}: snapshot taken at index {}", name(), last.getIndex());
    return last.getIndex();
  }

  /**
   * Runs {@code apply} on the state and records {@code entry} as applied, both under the lock; if {@code apply}
   * throws, the entry is not recorded.
   */
  protected final <T> T applyLocked(LogEntryProto entry, Supplier<T> apply) {
    T result;
    synchronized (lock) {
      result = apply.get();
      updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    }
    changes.signal();
    return result;
  }

  /** A configuration or metadata entry was applied: it moves the applied index too, so waiters are told. */
  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    super.notifyTermIndexUpdated(term, index);
    changes.signal();
  }

  /** Runs {@code query} on the state under the lock that apply and snapshots take. */
  protected final <T> T read(Supplier<T> query) {
    synchronized (lock) {
      return query.get();
    }
  }

  /** Told when this replica hears of a new leader ({@code null}: none). */
  protected void leaderChanged(RaftPeerId newLeader) {
  }

  /** Told when this replica leads and has applied every entry of earlier terms. */
  protected void leaderReady() {
  }

  @Override
  public final void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
    leaderChanged(newLeaderId);
    changes.signal();
  }

  @Override
  public final void notifyLeaderReady() {
    leaderReady();
    changes.signal();
  }

  @Override
  public void notifyNotLeader(Collection<TransactionContext> pendingEntries) throws IOException {
    super.notifyNotLeader(pendingEntries);
    changes.signal();
  }

  @Override
  public void close() throws IOException {
    super.close();
    changes.signal();
  }
}
