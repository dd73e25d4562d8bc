package io.daos.engine.vos.store;

import io.daos.engine.vos.lmdb.Bytes;

/**
 * A stored value version: inline bytes, a blob extent, or a hole (a punched value/extent). Encoded as
 * {@code kind(1) | recordSize(8) | inline bytes} or {@code kind(1) | recordSize(8) | blobOff(8) | len(8)}.
 */
public record ValueRef(byte kind, long recordSize, byte[] inline, long blobOff, long len) {
  static final byte INLINE = 0;
  static final byte BLOB = 1;
  static final byte HOLE = 2;

  static ValueRef inline(long recordSize, byte[] data) {
    return new ValueRef(INLINE, recordSize, data, 0, data.length);
  }

  static ValueRef blob(long recordSize, long off, long len) {
    return new ValueRef(BLOB, recordSize, null, off, len);
  }

  public static ValueRef hole() {
    return new ValueRef(HOLE, 0, null, 0, 0);
  }

  public boolean isHole() {
    return kind == HOLE;
  }

  public byte[] encode() {
    int n = kind == INLINE ? inline.length : kind == BLOB ? 16 : 0;
    byte[] b = new byte[9 + n];
    b[0] = kind;
    Bytes.putLong(b, 1, recordSize);
    if (kind == INLINE) {
      System.arraycopy(inline, 0, b, 9, inline.length);
    } else if (kind == BLOB) {
      Bytes.putLong(b, 9, blobOff);
      Bytes.putLong(b, 17, len);
    }
    return b;
  }

  public static ValueRef decode(byte[] b) {
    long rs = Bytes.getLong(b, 1);
    switch (b[0]) {
      case INLINE:
        byte[] d = new byte[b.length - 9];
        System.arraycopy(b, 9, d, 0, d.length);
        return inline(rs, d);
      case BLOB:
        return blob(rs, Bytes.getLong(b, 9), Bytes.getLong(b, 17));
      default:
        return hole();
    }
  }
}
