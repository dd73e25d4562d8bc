package io.daos.dmg.command;

/**
 * What a command produced: the JSON payload, an error that still accompanies a response (partial failure),
 * and how to render it as text.
 */
public record Outcome(Object response, Throwable error, TextOutput text) {
  /** Renders an outcome as text; {@code err} receives what DAOS prints on stderr. */
  @FunctionalInterface
  public interface TextOutput {
    void print(StringBuilder out, StringBuilder err);
  }

  public static Outcome of(Object response, Throwable error, TextOutput text) {
    return new Outcome(response, error, text);
  }
}
