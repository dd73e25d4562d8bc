package io.daos.drpc;

import java.io.IOException;

/** A dRPC call or connection failed. */
public class DrpcException extends IOException {
  private static final long serialVersionUID = 1L;

  public DrpcException(String message) {
    super(message);
  }

  public DrpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
