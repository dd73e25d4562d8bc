package io.daos.dmg.command.pool;

import java.util.UUID;
import java.util.regex.Pattern;

/** DAOS pool label rules (lib/daos LabelIsValid): 1-127 of [A-Za-z0-9_.:-], not a UUID. */
final class PoolLabels {
  static final int MAX_LEN = 127;
  private static final Pattern CHARS = Pattern.compile("[A-Za-z0-9_.:-]+");

  private PoolLabels() {
  }

  static boolean isValid(String label) {
    if (label == null || label.isEmpty() || label.length() > MAX_LEN || !CHARS.matcher(label).matches()) {
      return false;
    }
    try {
      UUID.fromString(label);
      return label.length() != 36;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
