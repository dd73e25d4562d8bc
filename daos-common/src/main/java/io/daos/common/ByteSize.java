package io.daos.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * A size in bytes (unsigned 64-bit), parsed and printed as DAOS does with go-humanize: {@code "2G"},
 * {@code "2GB"} and {@code "2 gb"} are decimal (2×10⁹); {@code "2Gi"} and {@code "2GiB"} are binary (2×2³⁰);
 * a plain number is bytes. {@link #toSiString()} gives "2.0 GB" and {@link #toIecString()} "2.0 GiB".
 */
public final class ByteSize implements Comparable<ByteSize> {
  public static final long KB = 1000L;
  public static final long MB = KB * 1000;
  public static final long GB = MB * 1000;
  public static final long TB = GB * 1000;
  public static final long KIB = 1L << 10;
  public static final long MIB = 1L << 20;
  public static final long GIB = 1L << 30;
  public static final long TIB = 1L << 40;

  private static final Map<String, BigDecimal> UNITS = Map.ofEntries(
      unit("", 1), unit("b", 1),
      unit("k", KB), unit("kb", KB), unit("ki", KIB), unit("kib", KIB),
      unit("m", MB), unit("mb", MB), unit("mi", MIB), unit("mib", MIB),
      unit("g", GB), unit("gb", GB), unit("gi", GIB), unit("gib", GIB),
      unit("t", TB), unit("tb", TB), unit("ti", TIB), unit("tib", TIB),
      unit("p", TB * 1000), unit("pb", TB * 1000), unit("pi", TIB << 10), unit("pib", TIB << 10),
      unit("e", TB * 1000_000), unit("eb", TB * 1000_000), unit("ei", TIB << 20), unit("eib", TIB << 20));
  private static final BigDecimal MAX_UINT64 = new BigDecimal("18446744073709551615");

  private final long bytes; // unsigned

  private ByteSize(long bytes) {
    this.bytes = bytes;
  }

  private static Map.Entry<String, BigDecimal> unit(String name, long factor) {
    return Map.entry(name, BigDecimal.valueOf(factor));
  }

  public static ByteSize ofBytes(long bytes) {
    return new ByteSize(bytes);
  }

  /**
   * Parses "2G", "2GB", "2GiB", "512M", "1.5 TB", "1,000,000" or "4096" (units are case-insensitive).
   *
   * @throws IllegalArgumentException {@code invalid size "<text>"} with what was wrong
   */
  public static ByteSize parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("no size specified (e.g. 10GB, 8GiB, 512M)");
    }
    int i = 0;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
        || text.charAt(i) == ',')) {
      i++;
    }
    String num = text.substring(0, i).replace(",", "");
    BigDecimal value;
    try {
      value = new BigDecimal(num);
    } catch (NumberFormatException e) {
      throw invalid(text, "no number");
    }
    String unit = text.substring(i).trim().toLowerCase(Locale.ROOT);
    BigDecimal factor = UNITS.get(unit);
    if (factor == null) {
      throw invalid(text, "unhandled size name: " + unit);
    }
    BigDecimal total = value.multiply(factor);
    if (total.compareTo(MAX_UINT64) > 0) {
      throw invalid(text, "too large");
    }
    return new ByteSize(total.toBigInteger().longValue());
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid size \"" + text + "\" (" + why
        + "); use a number with an optional unit, e.g. 10GB, 8GiB, 512M");
  }

  /** The size in bytes (as an unsigned value for sizes of 8 EiB and more). */
  public long bytes() {
    return bytes;
  }

  /** go-humanize {@code Bytes}: "83 MB", "2.0 GB", "0 B" (SI units, one decimal below 10). */
  public String toSiString() {
    return humanate(1000, new String[] {"B", "kB", "MB", "GB", "TB", "PB", "EB"});
  }

  /** go-humanize {@code IBytes}: "79 MiB", "2.0 GiB" (IEC units). */
  public String toIecString() {
    return humanate(1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"});
  }

  private String humanate(double base, String[] sizes) {
    double s = unsignedDouble(bytes);
    if (Long.compareUnsigned(bytes, 10) < 0) {
      return bytes + " B";
    }
    int e = (int) Math.floor(Math.log(s) / Math.log(base));
    double val = Math.floor(s / Math.pow(base, e) * 10 + 0.5) / 10;
    if (val < 10) {
      return String.format(Locale.ROOT, "%.1f %s", val, sizes[e]);
    }
    // Go's %.0f rounds exact halves to even; Java's formatter would round them up.
    return new BigDecimal(val).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + " " + sizes[e];
  }

  private static double unsignedDouble(long v) {
    double d = (double) (v & Long.MAX_VALUE);
    return v < 0 ? d + 0x1.0p63 : d;
  }

  @Override
  public int compareTo(ByteSize o) {
    return Long.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteSize b && b.bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }

  /** The SI form, as dmg prints sizes. */
  @Override
  public String toString() {
    return toSiString();
  }
}
