package io.daos.engine.rdb;

import io.daos.raft.RaftSettings;
import java.nio.file.Path;
import org.apache.ratis.conf.RaftProperties;

/** The Raft settings of an engine's pool-service server ({@link RaftSettings}); elections keep Ratis's timing. */
final class RdbConfig {
  /** Log entries between automatic snapshots. */
  static final long SNAPSHOT_THRESHOLD = 1024;

  private RdbConfig() {
  }

  static RaftProperties properties(String raftAddress, Path storageDir) {
    return RaftSettings.of(raftAddress, storageDir, SNAPSHOT_THRESHOLD).properties();
  }
}
