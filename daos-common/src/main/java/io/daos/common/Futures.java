package io.daos.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a future failed with, under the wrappers that {@code CompletableFuture} and {@code Future.get} add. */
public final class Futures {
  private Futures() {
  }

  /**
   * {@code t} without its {@link CompletionException} and {@link ExecutionException} wrappers; a wrapper
   * without a cause is returned as it is.
   */
  public static Throwable cause(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
