package io.daos.common.cli;

import io.daos.common.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/**
 * The one-line text DAOS's tools show for an error, and the DAOS status found in its cause chain. dmg shows the
 * outermost error's message (it already holds the wrapped chain, outermost first); the daos tool shows a DAOS status
 * as DAOS prints it.
 */
public final class ErrorText {
  private ErrorText() {
  }

  /** The error's own message, or its class name when it has none (dmg's text). */
  public static String message(Throwable error) {
    String msg = error.getMessage();
    return msg == null || msg.isEmpty() ? error.getClass().getSimpleName() : msg;
  }

  /**
   * The daos tool's text: past CompletionException and ExecutionException,
   * {@code "DER_NONEXIST(-1005): The specified entity does not exist"} for a status, the message otherwise.
   */
  public static String withStatus(Throwable error) {
    Throwable t = Futures.cause(error);
    return t instanceof DaosException de ? de.status().toString() : message(t);
  }

  /** The DAOS status in the cause chain, or null. */
  public static DaosStatus statusOf(Throwable error) {
    DaosException de = daosCause(error);
    return de == null ? null : de.status();
  }

  /** The detail libdaos gave with a status (the daos tool shows it with --debug), or null. */
  public static String detail(Throwable error) {
    DaosException de = daosCause(error);
    return de == null ? null : de.getMessage();
  }

  private static DaosException daosCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DaosException de) {
        return de;
      }
    }
    return null;
  }
}
