package io.daos.tool.output;

import java.util.regex.Pattern;

/** DAOS's {@code daos_label_is_valid}: 1-127 characters of A-Z a-z 0-9 . _ : - that do not form a UUID. */
public final class Labels {
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._:-]{1,127}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Labels() {
  }

  public static boolean valid(String label) {
    return label != null && LABEL.matcher(label).matches() && !isUuid(label);
  }

  public static boolean isUuid(String s) {
    return s != null && UUID.matcher(s).matches();
  }
}
