package io.daos.placement.ec;

import io.daos.ffi.IsalEc;
import java.nio.ByteBuffer;

/**
 * {@link GfKernel} on ISA-L through {@link IsalEc}, the calls DAOS makes. ISA-L reads and writes native memory:
 * direct buffers go to it as they are; cells on the heap go through per-thread direct scratch blocks (copied in,
 * and for outputs back out), which costs a memory copy of those cells.
 */
final class IsalKernel implements GfKernel<ByteBuffer> {
  static final IsalKernel INSTANCE = new IsalKernel();
  private static final int BLOCK = 64 << 10;
  private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new ByteBuffer[0]);

  private IsalKernel() {}

  @Override
  public String name() {
    return "isa-l";
  }

  @Override
  public byte[] cauchy1(int m, int k) {
    return IsalEc.cauchy1Matrix(m, k);
  }

  @Override
  public byte[] invert(byte[] a, int n) {
    return IsalEc.invert(a, n);
  }

  @Override
  public ByteBuffer tables(int k, int rows, byte[] coefficients) {
    return IsalEc.initTables(k, rows, coefficients);
  }

  @Override
  public void dot(int len, int k, int rows, ByteBuffer tables, ByteBuffer[] in, ByteBuffer[] out) {
    if (allDirect(in) && allDirect(out)) {
      IsalEc.encode(len, k, rows, tables, in, out);
      return;
    }
    ByteBuffer[] scratch = scratch(k + rows);
    for (int at = 0; at < len; at += BLOCK) {
      int n = Math.min(BLOCK, len - at);
      ByteBuffer[] src = views(in, k, at, n, scratch, 0, true);
      ByteBuffer[] dst = views(out, rows, at, n, scratch, k, false);
      IsalEc.encode(n, k, rows, tables, src, dst);
      copyBack(out, dst, at, n);
    }
  }

  @Override
  public void mad(int len, int k, int rows, int j, ByteBuffer tables, ByteBuffer in, ByteBuffer[] out) {
    ByteBuffer[] one = {in};
    if (allDirect(one) && allDirect(out)) {
      IsalEc.encodeUpdate(len, k, rows, j, tables, in, out);
      return;
    }
    ByteBuffer[] scratch = scratch(1 + rows);
    for (int at = 0; at < len; at += BLOCK) {
      int n = Math.min(BLOCK, len - at);
      ByteBuffer src = views(one, 1, at, n, scratch, 0, true)[0];
      ByteBuffer[] dst = views(out, rows, at, n, scratch, 1, true);
      IsalEc.encodeUpdate(n, k, rows, j, tables, src, dst);
      copyBack(out, dst, at, n);
    }
  }

  private static boolean allDirect(ByteBuffer[] bufs) {
    for (ByteBuffer b : bufs) {
      if (!b.isDirect()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Direct views of bytes {@code [at, at + n)} of the first {@code count} buffers: a slice of a direct buffer, else
   * the scratch block {@code scratch[first + i]}, filled from the buffer when {@code fill}.
   */
  private static ByteBuffer[] views(ByteBuffer[] bufs, int count, int at, int n, ByteBuffer[] scratch, int first,
      boolean fill) {
    ByteBuffer[] out = new ByteBuffer[count];
    for (int i = 0; i < count; i++) {
      ByteBuffer b = bufs[i];
      if (b.isDirect()) {
        out[i] = b.slice(b.position() + at, n);
      } else {
        out[i] = scratch[first + i].clear().limit(n);
        if (fill) {
          out[i].put(0, b, b.position() + at, n);
        }
      }
    }
    return out;
  }

  private static void copyBack(ByteBuffer[] bufs, ByteBuffer[] views, int at, int n) {
    for (int i = 0; i < bufs.length; i++) {
      if (!bufs[i].isDirect()) {
        bufs[i].put(bufs[i].position() + at, views[i], 0, n);
      }
    }
  }

  private static ByteBuffer[] scratch(int n) {
    ByteBuffer[] s = SCRATCH.get();
    if (s.length < n) {
      ByteBuffer[] grown = new ByteBuffer[n];
      System.arraycopy(s, 0, grown, 0, s.length);
      for (int i = s.length; i < n; i++) {
        grown[i] = ByteBuffer.allocateDirect(BLOCK);
      }
      SCRATCH.set(grown);
      s = grown;
    }
    return s;
  }
}
