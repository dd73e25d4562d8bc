package io.daos.drpc.server;

import io.daos.proto.drpc.Status;

/**
 * Thrown by a {@link DrpcHandler} to answer with a specific transport status (DAOS's {@code drpc.Failure});
 * any other exception answers {@link Status#FAILURE}.
 */
public class DrpcFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final Status status;

  public DrpcFailure(Status status, String message) {
    super(message);
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
