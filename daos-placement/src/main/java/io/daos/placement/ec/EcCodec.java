package io.daos.placement.ec;

import java.nio.ByteBuffer;

/**
 * The erasure code of one EC object class: k data cells, p parity cells ({@code struct obj_ec_codec}). Cells are
 * numbered in logical order: data 0..k-1, then parity k..k+p-1 (the object layer maps shards to cells, with
 * DAOS's per-dkey rotation). A cell is the {@code remaining()} bytes of a ByteBuffer, heap or direct; all cells of
 * one call have the same length (any length ≥ 1; DAOS's cells are {@code ec_cell_sz}, 4 KiB–1 MiB, or a
 * single value's 8-byte-aligned share). Positions and limits are left as they were. Parity bytes are those of
 * real DAOS (ISA-L {@code ec_encode_data} with the {@code gf_gen_cauchy1_matrix} encode matrix), whichever
 * implementation runs. Instances are immutable and thread-safe; get them from {@link EcCodecs}.
 */
public interface EcCodec {
  /** k. */
  int dataCells();

  /** p. */
  int parityCells();

  /** "isa-l" or "java". */
  String implementation();

  /** The {@code (k + p) x k} encode matrix, row-major (a copy): identity rows, then the Cauchy parity rows. */
  byte[] encodeMatrix();

  /** Writes the p parity cells of the k data cells ({@code ec_encode_data}, as {@code obj_ec_encode_buf}). */
  void encode(ByteBuffer[] data, ByteBuffer[] parity);

  /**
   * Folds a change of data cell {@code dataIndex} into existing parity ({@code ec_encode_data_update}, as EC
   * aggregation's {@code agg_update_parity}): {@code delta} is the old cell XOR the new one; parity is read and
   * written. Adding every data cell in turn to zeroed parity gives {@link #encode}'s parity.
   */
  void update(int dataIndex, ByteBuffer delta, ByteBuffer[] parity);

  /**
   * Rebuilds the {@code lost} cells (distinct, any order, data or parity) in place in {@code cells} (k + p
   * entries), from the first k cells not lost, as DAOS's degraded fetch and rebuild do. Cells not lost past the first
   * k are not read and may be null.
   *
   * @throws io.daos.common.status.DaosException {@code DER_DATA_LOSS} when more than p cells are lost
   */
  void reconstruct(ByteBuffer[] cells, int... lost);

  /** {@link #encode(ByteBuffer[], ByteBuffer[])} of whole arrays. */
  default void encode(byte[][] data, byte[][] parity) {
    encode(Cells.wrap(data), Cells.wrap(parity));
  }

  /** {@link #update(int, ByteBuffer, ByteBuffer[])} of whole arrays. */
  default void update(int dataIndex, byte[] delta, byte[][] parity) {
    update(dataIndex, ByteBuffer.wrap(delta), Cells.wrap(parity));
  }

  /** {@link #reconstruct(ByteBuffer[], int...)} of whole arrays (null where a cell is not given). */
  default void reconstruct(byte[][] cells, int... lost) {
    reconstruct(Cells.wrap(cells), lost);
  }
}
