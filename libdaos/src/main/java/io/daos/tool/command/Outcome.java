package io.daos.tool.command;

/**
 * What a command produced: the JSON {@code response} for {@code -j} (null when the command writes none, as DAOS's
 * then prints {@code "response": null}) and the text for stdout.
 *
 * @param response the JSON value (Obj, List, String, ...), or null
 * @param text stdout text
 */
public record Outcome(Object response, String text) {
  public static Outcome of(Object response, String text) {
    return new Outcome(response, text);
  }

  /** A command that only prints text (its JSON response is null). */
  public static Outcome text(String text) {
    return new Outcome(null, text);
  }
}
