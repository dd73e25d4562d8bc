package io.daos.server.ctl;

/** A CtlSvc request failed as a whole (bad request, deadline passed); the message is DAOS's error text. */
public final class CtlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CtlException(String message) {
    super(message);
  }

  public CtlException(String message, Throwable cause) {
    super(message, cause);
  }
}
