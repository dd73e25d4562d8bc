package io.daos.server.sysdb;

import io.daos.raft.RaftChanges;
import io.daos.raft.SnapshottingStateMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Ratis state machine holding the MS {@link DbState}: applies entries; its snapshot is the state's JSON. */
final class MsStateMachine extends SnapshottingStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(MsStateMachine.class);

  /** Told about leadership changes and fatal apply errors. */
  interface Events {
    void leaderReady();

    void leaderChanged(RaftPeerId newLeader);

    void applyFailed(Exception cause);
  }

  private final DbState state;
  private final Events events;

  MsStateMachine(DbState state, Events events, RaftChanges changes) {
    super(changes);
    this.state = state;
    this.events = events;
  }

  @Override
  protected String name() {
    return "MS";
  }

  @Override
  protected SnapshotLoad readSnapshot(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return () -> {
      try {
        state.restore(bytes);
      } catch (IllegalStateException e) {
        throw new IOException("cannot load MS snapshot " + file + ": " + e.getMessage(), e);
      }
    };
  }

  @Override
  protected SnapshotWrite copyState() {
    byte[] data = state.snapshot();
    return file -> Files.write(file, data);
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
    try {
      DbReply reply = applyLocked(entry, () -> state.apply(data));
      return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(reply.encode())));
    } catch (RuntimeException e) {
      LOG.error("EMERGENCY MS database shutdown: cannot apply entry {}: {}", entry.getIndex(), e.getMessage());
      events.applyFailed(e);
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  protected void leaderReady() {
    events.leaderReady();
  }

  @Override
  protected void leaderChanged(RaftPeerId newLeader) {
    events.leaderChanged(newLeader);
  }
}
