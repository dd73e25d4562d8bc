package io.daos.engine.rdb;

import io.daos.raft.RaftChanges;
import io.daos.raft.SnapshottingStateMachine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of one pool service's database: a sorted key → bytes map that applies {@link RdbTx}
 * entries in log order, with single-file snapshots ({@link RdbSnapshot}). Reads take the same lock as apply.
 */
final class RdbStateMachine extends SnapshottingStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(RdbStateMachine.class);
  static final Message APPLIED = Message.valueOf(ByteString.copyFrom(new byte[] {1}));
  static final Message SKIPPED = Message.valueOf(ByteString.copyFrom(new byte[] {0}));

  private final TreeMap<String, byte[]> map = new TreeMap<>();
  private volatile RaftPeerId leader;

  RdbStateMachine() {
    super(new RaftChanges());
  }

  @Override
  protected String name() {
    return "rdb " + getGroupId();
  }

  @Override
  protected SnapshotLoad readSnapshot(Path file) throws IOException {
    TreeMap<String, byte[]> loaded = RdbSnapshot.read(file);
    return () -> {
      map.clear();
      map.putAll(loaded);
    };
  }

  @Override
  protected SnapshotWrite copyState() {
    TreeMap<String, byte[]> copy = new TreeMap<>(map);
    return file -> RdbSnapshot.write(file, copy);
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    boolean applied;
    try {
      RdbTx tx = RdbTx.decode(entry.getStateMachineLogEntry().getLogData().toByteArray());
      applied = applyLocked(entry, () -> tx.applyTo(map));
    } catch (IOException | RuntimeException e) {
      LOG.error("rdb {}: skipping undecodable entry {}: {}", getGroupId(), entry.getIndex(), e.getMessage());
      applyLocked(entry, () -> Boolean.FALSE);
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.completedFuture(applied ? APPLIED : SKIPPED);
  }

  @Override
  protected void leaderChanged(RaftPeerId newLeader) {
    leader = newLeader;
  }

  /** The leader this replica last heard of (null if none). */
  RaftPeerId lastKnownLeader() {
    return leader;
  }

  byte[] get(String key) {
    return read(() -> {
      byte[] v = map.get(key);
      return v == null ? null : v.clone();
    });
  }

  SortedMap<String, byte[]> scan(String prefix) {
    return read(() -> {
      TreeMap<String, byte[]> out = new TreeMap<>();
      map.subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) -> out.put(k, v.clone()));
      return Collections.unmodifiableSortedMap(out);
    });
  }
}
