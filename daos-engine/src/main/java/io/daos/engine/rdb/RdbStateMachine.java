package io.daos.engine.rdb;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
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
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of one pool service's database: a sorted key → bytes map that applies {@link RdbTx}
 * entries in log order, with single-file snapshots ({@link RdbSnapshot}). Reads take the same lock as apply.
 */
final class RdbStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(RdbStateMachine.class);
  static final Message APPLIED = Message.valueOf(ByteString.copyFrom(new byte[] {1}));
  static final Message SKIPPED = Message.valueOf(ByteString.copyFrom(new byte[] {0}));

  private final TreeMap<String, byte[]> map = new TreeMap<>();
  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private volatile RaftPeerId leader;

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    getLifeCycle().transition(LifeCycle.State.STARTING);
    load(storage.getLatestSnapshot());
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  @Override
  public void pause() {
    if (getLifeCycleState() == LifeCycle.State.RUNNING) {
      getLifeCycle().transition(LifeCycle.State.PAUSING);
      getLifeCycle().transition(LifeCycle.State.PAUSED);
    }
  }

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
    TreeMap<String, byte[]> loaded = RdbSnapshot.read(file);
    synchronized (map) {
      map.clear();
      map.putAll(loaded);
      setLastAppliedTermIndex(snap.getTermIndex());
    }
    LOG.debug("rdb {}: snapshot loaded from {} (index {})", getGroupId(), file, snap.getIndex());
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last;
    TreeMap<String, byte[]> copy;
    synchronized (map) {
      last = getLastAppliedTermIndex();
      copy = new TreeMap<>(map);
    }
    if (last == null || last.getIndex() < 0) {
      return -1;
    }
    File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
    Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
    RdbSnapshot.write(tmp, copy);
    Files.move(tmp, file.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
        new FileInfo(file.toPath(), MD5FileUtil.computeAndSaveMd5ForFile(file)), last));
    return last.getIndex();
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    boolean applied;
    try {
      RdbTx tx = RdbTx.decode(entry.getStateMachineLogEntry().getLogData().toByteArray());
      synchronized (map) {
        applied = tx.applyTo(map);
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("rdb {}: skipping undecodable entry {}: {}", getGroupId(), entry.getIndex(), e.getMessage());
      synchronized (map) {
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
      }
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.completedFuture(applied ? APPLIED : SKIPPED);
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId memberId, RaftPeerId newLeaderId) {
    leader = newLeaderId;
  }

  /** The leader this replica last heard of (null if none). */
  RaftPeerId lastKnownLeader() {
    return leader;
  }

  byte[] get(String key) {
    synchronized (map) {
      byte[] v = map.get(key);
      return v == null ? null : v.clone();
    }
  }

  SortedMap<String, byte[]> scan(String prefix) {
    synchronized (map) {
      TreeMap<String, byte[]> out = new TreeMap<>();
      map.subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) -> out.put(k, v.clone()));
      return Collections.unmodifiableSortedMap(out);
    }
  }
}
