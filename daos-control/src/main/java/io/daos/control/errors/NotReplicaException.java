package io.daos.control.errors;

import io.daos.common.build.BuildInfo;
import java.util.List;

/**
 * The request reached a server that is not a management-service replica; {@link #replicas()} lists where
 * to retry. Travels as ErrorInfo reason {@code proto.system.ErrNotReplica}.
 */
public final class NotReplicaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> replicas;

  public NotReplicaException(List<String> replicas) {
    super("not a " + BuildInfo.MANAGEMENT_SERVICE_NAME + " replica (try one of "
        + String.join(",", replicas == null ? List.of() : replicas) + ")");
    this.replicas = replicas == null ? List.of() : List.copyOf(replicas);
  }

  public List<String> replicas() {
    return replicas;
  }
}
