package io.daos.tool.cont;

import io.daos.tool.output.CliError;

/** DAOS's EpochFlag / EpochRangeFlag: Go's {@code strconv.ParseUint(s, 0, 64)} (0x, 0o, 0b prefixes, _). */
final class Epochs {
  private Epochs() {
  }

  static long parse(String s) {
    Long v = parseUint(s);
    if (v == null) {
      throw CliError.of("failed to parse \"" + s + "\" as uint64\n");
    }
    return v;
  }

  /** "A-B" with A < B. */
  static long[] parseRange(String s) {
    String[] comps = s.split("-", -1);
    if (comps.length != 2) {
      throw CliError.of("failed to parse \"" + s + "\" as epoch range (expected A-B)");
    }
    long[] r = new long[2];
    for (int i = 0; i < 2; i++) {
      Long v = parseUint(comps[i]);
      if (v == null) {
        throw CliError.of("failed to parse \"" + comps[i] + "\" as uint64");
      }
      r[i] = v;
    }
    if (Long.compareUnsigned(r[0], r[1]) >= 0) {
      throw CliError.of("range begin must be < end");
    }
    return r;
  }

  private static Long parseUint(String s) {
    String t = s;
    int radix = 10;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      t = t.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      t = t.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      t = t.substring(2);
    } else if (t.length() > 1 && t.startsWith("0")) {
      radix = 8;
      t = t.substring(1);
    }
    if (radix != 10 && t.contains("_")) {
      t = t.replace("_", "");
    }
    if (t.isEmpty() || t.startsWith("+") || t.startsWith("-")) {
      return null;
    }
    try {
      return Long.parseUnsignedLong(t, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
