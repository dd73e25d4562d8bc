package io.daos.common.hostlist;

/**
 * One run of a host list: {@code prefix[lo-hi]suffix} with zero padding to {@code width} digits, or a single
 * host without a number ({@code isRange == false}, the whole name in {@code prefix}). Mutable; used only
 * inside {@link HostRanges}, which copies before sharing.
 */
final class HostRange {
  String prefix;
  String suffix;
  long lo;
  long hi;
  int width;
  final boolean isRange;

  HostRange(String prefix, String suffix, long lo, long hi, int width, boolean isRange) {
    this.prefix = prefix;
    this.suffix = suffix;
    this.lo = lo;
    this.hi = hi;
    this.width = width;
    this.isRange = isRange;
  }

  static HostRange single(String name) {
    return new HostRange(name, "", 0, 0, 0, false);
  }

  HostRange copy() {
    return new HostRange(prefix, suffix, lo, hi, width, isRange);
  }

  long count() {
    return hi - lo + 1;
  }

  boolean canAppend(HostRange other) {
    return isRange && other.isRange && prefix.equals(other.prefix) && suffix.equals(other.suffix)
        && hi == other.lo - 1 && combinesWidth(other);
  }

  /** True if both are numbered ranges with the same prefix and suffix (they share one bracket). */
  boolean within(HostRange other) {
    return prefix.equals(other.prefix) && suffix.equals(other.suffix) && isRange && other.isRange;
  }

  static int zeroPadding(long num, int width) {
    int digits = Long.toString(num).length();
    return width > digits ? width - digits : 0;
  }

  /**
   * True if the two ranges' zero padding is compatible; adopts the compatible width on one side, as DAOS's
   * hostlist does (e.g. "node9" and "node10" combine, "node009" and "node10" do not).
   */
  boolean combinesWidth(HostRange other) {
    if (width == other.width) {
      return true;
    }
    boolean leftSame = zeroPadding(lo, width) == zeroPadding(lo, other.width);
    boolean rightSame = zeroPadding(other.lo, other.width) == zeroPadding(other.lo, width);
    if (leftSame) {
      width = other.width;
      return true;
    }
    if (rightSame) {
      other.width = width;
      return true;
    }
    return false;
  }

  int cmp(HostRange other) {
    int c = prefix.compareTo(other.prefix);
    if (c == 0) {
      c = suffix.compareTo(other.suffix);
    }
    if (c == 0) {
      c = combinesWidth(other) ? Long.compare(lo, other.lo) : Integer.compare(width, other.width);
    }
    return c;
  }

  /** Merges {@code other} (sorted after this) into this range; returns the number of duplicates, or -1. */
  long join(HostRange other) {
    if (cmp(other) > 0 || isRange != other.isRange) {
      return -1;
    }
    if (!prefix.equals(other.prefix) || !suffix.equals(other.suffix) || !combinesWidth(other)) {
      return -1;
    }
    if (!isRange) {
      return 1;
    }
    if (hi == other.lo - 1) {
      hi = other.hi;
      return 0;
    }
    if (hi >= other.lo) {
      if (hi < other.hi) {
        long dupes = hi - other.lo + 1;
        hi = other.hi;
        return dupes;
      }
      return other.count();
    }
    return -1;
  }

  String pad(long n) {
    String s = Long.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  String host(long n) {
    return prefix + pad(n) + suffix;
  }

  String rangedString() {
    if (!isRange) {
      return "";
    }
    return lo == hi ? pad(lo) : pad(lo) + "-" + pad(hi);
  }

  void appendHosts(StringBuilder sb) {
    if (!isRange) {
      sb.append(prefix);
      return;
    }
    for (long n = lo; n <= hi; n++) {
      if (n > lo) {
        sb.append(',');
      }
      sb.append(host(n));
    }
  }
}
