package io.daos.engine.cont;

import java.util.regex.Pattern;

/** DAOS's label rules ({@code daos_label_is_valid}): 1–127 of {@code [A-Za-z0-9._:-]}, and not a UUID string. */
public final class ContLabel {
  /** {@code DAOS_PROP_LABEL_MAX_LEN}. */
  public static final int MAX_LEN = 127;
  private static final Pattern CHARS = Pattern.compile("[A-Za-z0-9._:-]+");
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");

  private ContLabel() {
  }

  public static boolean isValid(String label) {
    return label != null && !label.isEmpty() && label.length() <= MAX_LEN && CHARS.matcher(label).matches()
        && !UUID_FORM.matcher(label).matches();
  }

  /** Why {@code label} is not valid, for error messages. */
  static String explain(String label) {
    return "invalid container label \"" + label + "\": use 1-" + MAX_LEN + " characters of [A-Za-z0-9._:-] "
        + "that do not form a UUID";
  }
}
