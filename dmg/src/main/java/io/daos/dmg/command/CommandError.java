package io.daos.dmg.command;

/** An error wrapped with the failing operation, rendered like Go's errors.Wrap: "what: cause". */
public final class CommandError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public CommandError(String message) {
    this(message, (String) null);
  }

  /** An error and what to do about it; dmg prints the hint on a line of its own after the error. */
  public CommandError(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public CommandError(String what, Throwable cause) {
    super(what + ": " + cause.getMessage(), cause);
    this.hint = null;
  }

  /** What to do next, or null. */
  public String hint() {
    return hint;
  }

  /** Wraps {@code t} with {@code what} unless null. */
  public static RuntimeException wrap(String what, Throwable t) {
    return t == null ? null : new CommandError(what, t);
  }
}
