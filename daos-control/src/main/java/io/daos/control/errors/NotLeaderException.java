package io.daos.control.errors;

import io.daos.common.build.BuildInfo;
import java.util.List;

/**
 * The request reached a management-service replica that is not the leader. Carries DAOS's redirection:
 * the leader hint (may be empty during an election) and the replica addresses. Travels as ErrorInfo
 * reason {@code proto.system.ErrNotLeader}.
 */
public final class NotLeaderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String leaderHint;
  private final transient List<String> replicas;

  public NotLeaderException(String leaderHint, List<String> replicas) {
    super("not the " + BuildInfo.MANAGEMENT_SERVICE_NAME + " leader (try " + nullToEmpty(leaderHint)
        + " or one of " + String.join(",", replicas == null ? List.of() : replicas) + ")");
    this.leaderHint = nullToEmpty(leaderHint);
    this.replicas = replicas == null ? List.of() : List.copyOf(replicas);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The leader's control address ({@code host:port}), or "" if unknown. */
  public String leaderHint() {
    return leaderHint;
  }

  public List<String> replicas() {
    return replicas;
  }
}
