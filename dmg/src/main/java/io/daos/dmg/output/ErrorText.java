package io.daos.dmg.output;

/** The one-line text dmg shows for an error (DAOS prints the wrapped error chain, outermost first). */
public final class ErrorText {
  private ErrorText() {
  }

  public static String of(Throwable error) {
    String msg = error.getMessage();
    return msg == null || msg.isEmpty() ? error.getClass().getSimpleName() : msg;
  }
}
