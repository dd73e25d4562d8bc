package io.daos.common.build;

/** A DAOS semantic version {@code major.minor.patch}, compared as DAOS's build package does. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {
  public static final Version ZERO = new Version(0, 0, 0);

  /**
   * Parses "1.2.3" or "v1.2.3".
   *
   * @throws IllegalArgumentException "invalid version format", "invalid major version", ... as DAOS
   */
  public static Version parse(String text) {
    String in = text.startsWith("v") ? text.substring(1) : text;
    String[] parts = in.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("invalid version format \"" + in + "\" (want major.minor.patch)");
    }
    return new Version(part("major", parts[0]), part("minor", parts[1]), part("patch", parts[2]));
  }

  private static int part(String what, String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + what + " version \"" + s + "\": not a number", e);
    }
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  public int majorDelta(Version o) {
    return Math.abs(major - o.major);
  }

  public int minorDelta(Version o) {
    return Math.abs(minor - o.minor);
  }

  public int patchDelta(Version o) {
    return Math.abs(patch - o.patch);
  }

  /** Same major and minor version. */
  public boolean patchCompatible(Version o) {
    return majorDelta(o) == 0 && minorDelta(o) == 0;
  }

  public boolean greaterThan(Version o) {
    return compareTo(o) > 0;
  }

  public boolean lessThan(Version o) {
    return compareTo(o) < 0;
  }

  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
