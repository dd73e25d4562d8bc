package io.daos.tool.output;

import io.daos.common.cli.ErrorText;

/**
 * A daos command error, worded as DAOS's tool words it: a context wrapped around a cause
 * ({@code "failed to query pool p1: DER_NONEXIST(-1005): The specified entity does not exist"}), or a plain usage
 * error ({@code "no pool UUID or label supplied"}). The JSON status is the cause's DAOS status, else DER_MISC.
 */
public final class CliError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private CliError(String message, Throwable cause) {
    super(message, cause);
  }

  /** A usage or input error without a DAOS status. */
  public static CliError of(String message) {
    return new CliError(message, null);
  }

  /** Go's {@code errors.Wrap(cause, context)}. */
  public static CliError wrap(String context, Throwable cause) {
    return new CliError(context + ": " + ErrorText.withStatus(cause), cause);
  }
}
