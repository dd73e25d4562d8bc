package io.daos.engine;

/** The command line is wrong; the message says what and the caller prints the usage. */
public final class EngineUsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public EngineUsageException(String message) {
    super(message);
  }
}
