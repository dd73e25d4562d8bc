package io.daos.common.ranklist;

/**
 * A DAOS engine rank: an unsigned 32-bit number that identifies one engine in a system. {@link #NIL}
 * (0xFFFFFFFF) means "no rank"; 0 is a valid rank. Ordered as unsigned numbers.
 */
public final class Rank implements Comparable<Rank> {
  /** The largest valid rank (0xFFFFFFFE). */
  public static final long MAX_VALUE = 0xFFFF_FFFEL;
  /** An undefined rank (0xFFFFFFFF). */
  public static final Rank NIL = new Rank(0xFFFF_FFFF);

  private final int bits;

  private Rank(int bits) {
    this.bits = bits;
  }

  /** The rank with this value; 0xFFFFFFFF gives {@link #NIL}. */
  public static Rank of(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("rank " + value + " out of range [0, " + MAX_VALUE + "]");
    }
    return value == 0xFFFF_FFFFL ? NIL : new Rank((int) value);
  }

  /** The rank carried in a protobuf uint32 field (its bits reinterpreted as unsigned). */
  public static Rank fromUint32(int bits) {
    return of(Integer.toUnsignedLong(bits));
  }

  /** Parses a decimal rank; rejects {@link #NIL} and anything out of range, as DAOS's YAML decoding does. */
  public static Rank parse(String text) {
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid rank \"" + text + "\": not a number", e);
    }
    if (v < 0 || v > MAX_VALUE) {
      throw new IllegalArgumentException("rank " + v + " out of range [0, " + MAX_VALUE + "]");
    }
    return of(v);
  }

  /** The value as an unsigned number. */
  public long value() {
    return Integer.toUnsignedLong(bits);
  }

  /** The value as the bits of a protobuf uint32 field. */
  public int toUint32() {
    return bits;
  }

  public boolean isNil() {
    return bits == NIL.bits;
  }

  @Override
  public int compareTo(Rank o) {
    return Integer.compareUnsigned(bits, o.bits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rank r && r.bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  /** Decimal value, or {@code NilRank} as DAOS prints it. */
  @Override
  public String toString() {
    return isNil() ? "NilRank" : Long.toString(value());
  }
}
