package io.daos.placement.ec;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Argument checks shared by the codecs: cell counts and lengths, lost-cell lists. */
final class Cells {
  private Cells() {}

  static ByteBuffer[] wrap(byte[][] arrays) {
    ByteBuffer[] out = new ByteBuffer[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      out[i] = arrays[i] == null ? null : ByteBuffer.wrap(arrays[i]);
    }
    return out;
  }

  /** The common length of {@code sources} (all given) and {@code outputs} (writable). */
  static int length(ByteBuffer[] sources, int k, ByteBuffer[] outputs, int rows) {
    count("data", sources, k);
    count("parity", outputs, rows);
    int len = sources[0].remaining();
    for (ByteBuffer b : sources) {
      same(b, len);
    }
    for (ByteBuffer b : outputs) {
      writable(b, len);
    }
    return len;
  }

  /** The sorted lost cells, after checking them against k and p. */
  static int[] lost(int[] lost, int k, int p) {
    int[] sorted = lost.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0 || sorted[i] >= k + p || (i > 0 && sorted[i] == sorted[i - 1])) {
        throw new IllegalArgumentException("lost cells " + Arrays.toString(lost) + " of " + k + "+" + p);
      }
    }
    if (sorted.length > p) {
      throw new DaosException(DaosStatus.DATA_LOSS,
          sorted.length + " cells lost " + Arrays.toString(sorted) + ", more than p " + p + " of EC " + k + "+" + p);
    }
    return sorted;
  }

  static void count(String what, ByteBuffer[] cells, int n) {
    if (cells.length != n) {
      throw new IllegalArgumentException(cells.length + " " + what + " cells, want " + n);
    }
  }

  static void same(ByteBuffer b, int len) {
    if (b == null) {
      throw new IllegalArgumentException("missing cell");
    }
    if (len < 1 || b.remaining() != len) {
      throw new IllegalArgumentException("cell of " + b.remaining() + " bytes, want " + len + " (> 0)");
    }
  }

  static void writable(ByteBuffer b, int len) {
    same(b, len);
    if (b.isReadOnly()) {
      throw new IllegalArgumentException("read-only output cell");
    }
  }
}
