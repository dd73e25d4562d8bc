package io.daos.drpc;

import io.daos.proto.drpc.Status;

/** The peer answered a call with a non-SUCCESS {@link Status}. */
public class DrpcStatusException extends DrpcException {
  private static final long serialVersionUID = 1L;

  private final transient DrpcMethod method;
  private final Status status;

  public DrpcStatusException(DrpcMethod method, Status status) {
    super("bad dRPC response status: " + status + " (method " + method + ")");
    this.method = method;
    this.status = status;
  }

  public DrpcMethod method() {
    return method;
  }

  public Status status() {
    return status;
  }
}
