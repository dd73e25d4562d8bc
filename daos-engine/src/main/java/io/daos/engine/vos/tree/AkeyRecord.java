package io.daos.engine.vos.tree;

import io.daos.engine.vos.lmdb.Bytes;

/** The akey entry: its id, value type (fixed forever), array record size and the longest extent written. */
public record AkeyRecord(long id, IodType type, long recordSize, long maxExtentNr) {
  /** Length of the encoded record (an akey entry's value starts with it; see {@link KeyIndex}). */
  public static final int BYTES = 25;

  public byte[] encode() {
    byte[] b = new byte[BYTES];
    Bytes.putLong(b, 0, id);
    b[8] = (byte) type.value();
    Bytes.putLong(b, 9, recordSize);
    Bytes.putLong(b, 17, maxExtentNr);
    return b;
  }

  public static AkeyRecord decode(byte[] b) {
    return new AkeyRecord(Bytes.getLong(b, 0), IodType.of(b[8]), Bytes.getLong(b, 9), Bytes.getLong(b, 17));
  }

  public AkeyRecord withArray(long rs, long nr) {
    return new AkeyRecord(id, type, rs, Math.max(maxExtentNr, nr));
  }
}
