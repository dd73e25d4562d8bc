package io.daos.engine.vos.lmdb;

import java.nio.ByteBuffer;

/**
 * Reusable direct buffers that carry keys and values into LMDB without a native allocation per call. One per
 * {@link io.daos.engine.vos.store.Store}; safe because only the target's thread uses a store (DESIGN D7) and LMDB
 * reads an input buffer only during the call it is passed to.
 */
public final class Scratch {
  private ByteBuffer key = ByteBuffer.allocateDirect(512);
  private ByteBuffer val = ByteBuffer.allocateDirect(4096 + 64);

  ByteBuffer key(byte[] k) {
    key = fill(key, k);
    return key;
  }

  ByteBuffer val(byte[] v) {
    val = fill(val, v);
    return val;
  }

  private static ByteBuffer fill(ByteBuffer b, byte[] data) {
    ByteBuffer out = b.capacity() >= data.length ? b : ByteBuffer.allocateDirect(Integer.highestOneBit(data.length) << 1);
    out.clear();
    out.put(data).flip();
    return out;
  }

  /** Copies the bytes between position and limit (LMDB's result buffers are only valid until the next call). */
  static byte[] copy(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
