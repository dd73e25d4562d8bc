package io.daos.placement.ec;

/** Row-major matrices over {@link Gf256}: the encode matrix DAOS generates and Gauss-Jordan inversion. */
final class GfMatrix {
  private GfMatrix() {}

  /**
   * ISA-L's {@code gf_gen_cauchy1_matrix(a, m, k)}: a {@code k x k} identity (data cells pass through) over
   * {@code m - k} Cauchy rows, entry (i, j) = 1 / (i ^ j). Every k rows of it are independent.
   */
  static byte[] cauchy1(int m, int k) {
    byte[] a = new byte[m * k];
    for (int i = 0; i < k; i++) {
      a[i * k + i] = 1;
    }
    for (int i = k; i < m; i++) {
      for (int j = 0; j < k; j++) {
        a[i * k + j] = (byte) Gf256.inv(i ^ j);
      }
    }
    return a;
  }

  /** The inverse of the {@code n x n} matrix {@code a} (left unchanged), or null when it is singular. */
  static byte[] invert(byte[] a, int n) {
    byte[] m = a.clone();
    byte[] out = new byte[n * n];
    for (int i = 0; i < n; i++) {
      out[i * n + i] = 1;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && m[pivot * n + col] == 0) {
        pivot++;
      }
      if (pivot == n) {
        return null;
      }
      swapRows(m, n, col, pivot);
      swapRows(out, n, col, pivot);
      int scale = Gf256.inv(m[col * n + col] & 0xff);
      scaleRow(m, n, col, scale);
      scaleRow(out, n, col, scale);
      for (int r = 0; r < n; r++) {
        int f = m[r * n + col] & 0xff;
        if (r != col && f != 0) {
          addRow(m, n, col, r, f);
          addRow(out, n, col, r, f);
        }
      }
    }
    return out;
  }

  private static void swapRows(byte[] m, int n, int a, int b) {
    for (int j = 0; a != b && j < n; j++) {
      byte t = m[a * n + j];
      m[a * n + j] = m[b * n + j];
      m[b * n + j] = t;
    }
  }

  private static void scaleRow(byte[] m, int n, int r, int c) {
    for (int j = 0; j < n; j++) {
      m[r * n + j] = (byte) Gf256.mul(c, m[r * n + j] & 0xff);
    }
  }

  /** Row {@code to} += f * row {@code from} (addition is XOR). */
  private static void addRow(byte[] m, int n, int from, int to, int f) {
    for (int j = 0; j < n; j++) {
      m[to * n + j] ^= (byte) Gf256.mul(f, m[from * n + j] & 0xff);
    }
  }
}
