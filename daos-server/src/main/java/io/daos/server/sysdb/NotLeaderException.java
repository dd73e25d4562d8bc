package io.daos.server.sysdb;

import io.daos.common.DaosStatus;
import java.util.List;

/**
 * A write reached an MS replica that is not the leader (DAOS ErrNotLeader): clients retry at the leader
 * hint or one of the replicas.
 */
public final class NotLeaderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String leaderHint;
  private final List<String> replicas;

  public NotLeaderException(String leaderHint, List<String> replicas) {
    super(String.format("not the management service leader (try %s or one of %s)",
        leaderHint == null ? "" : leaderHint, String.join(",", replicas)));
    this.leaderHint = leaderHint == null ? "" : leaderHint;
    this.replicas = List.copyOf(replicas);
  }

  /** Control address of the leader as this replica knows it, or "" if unknown. */
  public String leaderHint() {
    return leaderHint;
  }

  /** DER_NOTLEADER, the status DAOS engines use for the same condition. */
  public DaosStatus status() {
    return DaosStatus.NOTLEADER;
  }

  /** The other MS replicas' control addresses. */
  public List<String> replicas() {
    return replicas;
  }
}
