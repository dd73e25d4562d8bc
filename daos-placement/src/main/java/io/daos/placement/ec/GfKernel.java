package io.daos.placement.ec;

import java.nio.ByteBuffer;

/**
 * The GF(2^8) calls a codec is built from, named after ISA-L's: the encode matrix, inversion, coefficient tables
 * ({@code ec_init_tables}), the dot product ({@code ec_encode_data}) and the multiply-add of one source
 * ({@code ec_encode_data_update}). Lengths are checked by the caller.
 *
 * @param <T> the expanded coefficient tables of a {@code rows x k} matrix
 */
interface GfKernel<T> {
  String name();

  byte[] cauchy1(int m, int k);

  /** The inverse of an {@code n x n} matrix, or null when singular. */
  byte[] invert(byte[] a, int n);

  T tables(int k, int rows, byte[] coefficients);

  /** {@code out[r] = sum_j c[r][j] * in[j]} over {@code len} bytes of each buffer from its position. */
  void dot(int len, int k, int rows, T tables, ByteBuffer[] in, ByteBuffer[] out);

  /** {@code out[r] ^= c[r][j] * in} over {@code len} bytes. */
  void mad(int len, int k, int rows, int j, T tables, ByteBuffer in, ByteBuffer[] out);
}
