package io.daos.placement.ec;

import java.util.function.BiFunction;

/**
 * How to rebuild a set of lost cells, as DAOS's {@code obj_ec_recov_codec_init} works it out: read the first k
 * surviving cells in cell order ({@code er_dec_idx}), invert their k rows of the encode matrix, and take for each
 * lost data cell its row of that inverse and for each lost parity cell its encode row times the inverse. Lost cells
 * are sorted, so the data cells come first, as DAOS's decode matrix has them.
 *
 * @param survivors the k cells read, ascending
 * @param lost the cells rebuilt, ascending
 * @param rows {@code lost.length x k} coefficients: lost[i] = sum_j rows[i][j] * cell[survivors[j]]
 */
record DecodePlan(int[] survivors, int[] lost, byte[] rows) {
  /**
   * The plan for {@code lost} (distinct, sorted, at most p) under the {@code (k + p) x k} encode matrix; {@code invert}
   * inverts a {@code k x k} matrix (ISA-L's {@code gf_invert_matrix} or {@link GfMatrix#invert}).
   */
  static DecodePlan of(byte[] encode, int k, int[] lost, BiFunction<byte[], Integer, byte[]> invert) {
    int[] survivors = firstSurvivors(encode.length / k, k, lost);
    byte[] b = new byte[k * k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(encode, survivors[i] * k, b, i * k, k);
    }
    byte[] inv = invert.apply(b, k);
    if (inv == null) {
      throw new IllegalStateException("singular decode matrix: the encode matrix is not DAOS's Cauchy matrix");
    }
    byte[] rows = new byte[lost.length * k];
    for (int e = 0; e < lost.length; e++) {
      if (lost[e] < k) {
        System.arraycopy(inv, lost[e] * k, rows, e * k, k);
      } else {
        parityRow(encode, inv, k, lost[e], rows, e * k);
      }
    }
    return new DecodePlan(survivors, lost, rows);
  }

  /** rows[at + i] = sum_j encode[cell][j] * inv[j][i]: the parity cell's encode row, expressed in the survivors. */
  private static void parityRow(byte[] encode, byte[] inv, int k, int cell, byte[] rows, int at) {
    for (int i = 0; i < k; i++) {
      int s = 0;
      for (int j = 0; j < k; j++) {
        s ^= Gf256.mul(inv[j * k + i] & 0xff, encode[cell * k + j] & 0xff);
      }
      rows[at + i] = (byte) s;
    }
  }

  private static int[] firstSurvivors(int m, int k, int[] lost) {
    boolean[] gone = new boolean[m];
    for (int c : lost) {
      gone[c] = true;
    }
    int[] out = new int[k];
    for (int c = 0, n = 0; n < k; c++) {
      if (!gone[c]) {
        out[n++] = c;
      }
    }
    return out;
  }
}
