package io.daos.dmg.command;

/** An error wrapped with the failing operation, rendered like Go's errors.Wrap: "what: cause". */
public final class CommandError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandError(String message) {
    super(message);
  }

  public CommandError(String what, Throwable cause) {
    super(what + ": " + cause.getMessage(), cause);
  }

  /** Wraps {@code t} with {@code what} unless null. */
  public static RuntimeException wrap(String what, Throwable t) {
    return t == null ? null : new CommandError(what, t);
  }
}
