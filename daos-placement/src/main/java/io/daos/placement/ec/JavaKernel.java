package io.daos.placement.ec;

import java.nio.ByteBuffer;

/**
 * {@link GfKernel} in plain Java: each coefficient is its 256-byte product table, and a parity byte is the XOR of one
 * table lookup per source. Cells go through in blocks; a block of a buffer without an accessible array (direct,
 * read-only) is copied into a per-thread heap scratch first and, for outputs, back afterwards.
 */
final class JavaKernel implements GfKernel<byte[][]> {
  static final JavaKernel INSTANCE = new JavaKernel();
  private static final int BLOCK = 16 << 10;
  private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0][]);

  private JavaKernel() {}

  @Override
  public String name() {
    return "java";
  }

  @Override
  public byte[] cauchy1(int m, int k) {
    return GfMatrix.cauchy1(m, k);
  }

  @Override
  public byte[] invert(byte[] a, int n) {
    return GfMatrix.invert(a, n);
  }

  @Override
  public byte[][] tables(int k, int rows, byte[] coefficients) {
    byte[][] t = new byte[rows * k][];
    for (int i = 0; i < t.length; i++) {
      t[i] = Gf256.row(coefficients[i] & 0xff);
    }
    return t;
  }

  @Override
  public void dot(int len, int k, int rows, byte[][] tables, ByteBuffer[] in, ByteBuffer[] out) {
    byte[][] scratch = scratch(k + rows);
    Block src = new Block(k);
    Block dst = new Block(rows);
    for (int at = 0; at < len; at += BLOCK) {
      int n = Math.min(BLOCK, len - at);
      for (int j = 0; j < k; j++) {
        src.load(j, in[j], at, n, scratch[j]);
      }
      for (int r = 0; r < rows; r++) {
        dst.place(r, out[r], at, scratch[k + r]);
        mulSet(tables[r * k], src.arrays[0], src.offsets[0], dst.arrays[r], dst.offsets[r], n);
        for (int j = 1; j < k; j++) {
          mulXor(tables[r * k + j], src.arrays[j], src.offsets[j], dst.arrays[r], dst.offsets[r], n);
        }
        dst.store(r, out[r], at, n);
      }
    }
  }

  @Override
  public void mad(int len, int k, int rows, int j, byte[][] tables, ByteBuffer in, ByteBuffer[] out) {
    byte[][] scratch = scratch(1 + rows);
    Block src = new Block(1);
    Block dst = new Block(rows);
    for (int at = 0; at < len; at += BLOCK) {
      int n = Math.min(BLOCK, len - at);
      src.load(0, in, at, n, scratch[0]);
      for (int r = 0; r < rows; r++) {
        dst.load(r, out[r], at, n, scratch[1 + r]);
        mulXor(tables[r * k + j], src.arrays[0], src.offsets[0], dst.arrays[r], dst.offsets[r], n);
        dst.store(r, out[r], at, n);
      }
    }
  }

  private static void mulSet(byte[] t, byte[] s, int so, byte[] d, int dO, int n) {
    for (int i = 0; i < n; i++) {
      d[dO + i] = t[s[so + i] & 0xff];
    }
  }

  private static void mulXor(byte[] t, byte[] s, int so, byte[] d, int dO, int n) {
    for (int i = 0; i < n; i++) {
      d[dO + i] ^= t[s[so + i] & 0xff];
    }
  }

  /** This thread's {@code n} scratch blocks. */
  private static byte[][] scratch(int n) {
    byte[][] s = SCRATCH.get();
    if (s.length < n) {
      byte[][] grown = new byte[n][];
      System.arraycopy(s, 0, grown, 0, s.length);
      for (int i = s.length; i < n; i++) {
        grown[i] = new byte[BLOCK];
      }
      SCRATCH.set(grown);
      s = grown;
    }
    return s;
  }

  /** Where each buffer's current block is: its own array, or a scratch block. */
  private static final class Block {
    final byte[][] arrays;
    final int[] offsets;

    Block(int n) {
      arrays = new byte[n][];
      offsets = new int[n];
    }

    /** Points slot i at {@code buf}'s block at {@code at}, copying it into {@code scratch} if need be. */
    void load(int i, ByteBuffer buf, int at, int n, byte[] scratch) {
      place(i, buf, at, scratch);
      if (arrays[i] == scratch) {
        buf.get(buf.position() + at, scratch, 0, n);
      }
    }

    /** Points slot i at {@code buf}'s block at {@code at}, or at {@code scratch} (contents undefined). */
    void place(int i, ByteBuffer buf, int at, byte[] scratch) {
      if (buf.hasArray()) {
        arrays[i] = buf.array();
        offsets[i] = buf.arrayOffset() + buf.position() + at;
      } else {
        arrays[i] = scratch;
        offsets[i] = 0;
      }
    }

    /** Copies slot i back into {@code buf} if it was staged. */
    void store(int i, ByteBuffer buf, int at, int n) {
      if (!buf.hasArray()) {
        buf.put(buf.position() + at, arrays[i], 0, n);
      }
    }
  }
}
