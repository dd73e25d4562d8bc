package io.daos.engine.cont;

import java.nio.ByteBuffer;

/** A container's metadata times (DAOS {@code co_md_times}): HLC of the last open and of the last change. */
record ContMeta(long otime, long mtime) {
  byte[] encode() {
    return ByteBuffer.allocate(16).putLong(otime).putLong(mtime).array();
  }

  static ContMeta decode(byte[] v) {
    ByteBuffer b = ByteBuffer.wrap(v);
    return new ContMeta(b.getLong(), b.getLong());
  }
}
