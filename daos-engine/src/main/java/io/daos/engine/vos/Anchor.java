package io.daos.engine.vos;

import java.util.Arrays;

/**
 * An enumeration position ({@code daos_anchor_t} equivalent): opaque; start with {@link #ZERO}, pass the returned
 * anchor back until {@link #eof()}.
 */
public final class Anchor {
  /** Start of an enumeration. */
  public static final Anchor ZERO = new Anchor(new byte[0], false);

  private final byte[] after;
  private final boolean eof;

  private Anchor(byte[] after, boolean eof) {
    this.after = after;
    this.eof = eof;
  }

  static Anchor after(byte[] position) {
    return new Anchor(position.clone(), false);
  }

  static Anchor endOfEnum() {
    return new Anchor(new byte[0], true);
  }

  /** True once the enumeration has returned everything. */
  public boolean eof() {
    return eof;
  }

  boolean isZero() {
    return !eof && after.length == 0;
  }

  byte[] position() {
    return after.clone();
  }

  /** The anchor as opaque bytes, to send over the wire ({@link #fromBytes} reads it back). */
  public byte[] toBytes() {
    byte[] b = new byte[after.length + 1];
    b[0] = (byte) (eof ? 1 : 0);
    System.arraycopy(after, 0, b, 1, after.length);
    return b;
  }

  /** Reads {@link #toBytes()}; empty bytes are {@link #ZERO}. */
  public static Anchor fromBytes(byte[] b) {
    if (b.length == 0) {
      return ZERO;
    }
    return b[0] != 0 ? endOfEnum() : new Anchor(Arrays.copyOfRange(b, 1, b.length), false);
  }

  @Override
  public String toString() {
    return eof ? "Anchor[EOF]" : "Anchor" + Arrays.toString(after);
  }
}
