package io.daos.dmg.command.pool;

import io.daos.common.ByteSize;
import io.daos.dmg.command.CommandError;

/**
 * The value of {@code dmg pool create -z}: a size ("10G") or a percentage of the storage available on every rank
 * ("50%", 1..100), parsed with DAOS's rules and error texts.
 */
record PoolSizeFlag(long bytes, int ratio) {
  boolean isRatio() {
    return ratio > 0;
  }

  static PoolSizeFlag parse(String value) {
    String trimmed = value.strip();
    if (!trimmed.endsWith("%")) {
      try {
        return new PoolSizeFlag(ByteSize.parse(value).bytes(), 0);
      } catch (RuntimeException e) {
        throw new CommandError("failed to parse --size \"" + value + "\": " + e.getMessage());
      }
    }
    String num = trimmed.substring(0, trimmed.length() - 1).strip();
    long ratio;
    try {
      if (!num.matches("[0-9]+")) {
        throw badRatio(value, num, "invalid syntax");
      }
      ratio = Long.parseUnsignedLong(num);
    } catch (NumberFormatException e) {
      throw badRatio(value, num, "value out of range");
    }
    if (ratio <= 0 || Long.compareUnsigned(ratio, 100) > 0) {
      throw new CommandError("Creating DAOS pool with invalid full size ratio " + value
          + ": allowed range 0 < ratio <= 100");
    }
    return new PoolSizeFlag(0, (int) ratio);
  }

  private static CommandError badRatio(String value, String num, String why) {
    return new CommandError("invalid pool size ratio \"" + value + "\": strconv.ParseUint: parsing \"" + num
        + "\": " + why);
  }
}
