package io.daos.tool.output;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How the daos tool shows an error: a DAOS status as DAOS prints it, wrapped errors outermost first. */
public final class ErrorText {
  private ErrorText() {
  }

  /** {@code "DER_NONEXIST(-1005): The specified entity does not exist"} for a status; the message otherwise. */
  public static String of(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof DaosException de) {
      return de.status().toString();
    }
    String msg = t.getMessage();
    return msg == null || msg.isEmpty() ? t.getClass().getSimpleName() : msg;
  }

  /** The DAOS status in the cause chain, or null. */
  public static DaosStatus statusOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DaosException de) {
        return de.status();
      }
    }
    return null;
  }

  /** The detail libdaos gave with a status (shown with --debug), or null. */
  public static String detail(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DaosException de) {
        return de.getMessage();
      }
    }
    return null;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
