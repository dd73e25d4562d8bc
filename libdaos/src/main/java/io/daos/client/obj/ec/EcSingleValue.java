package io.daos.client.obj.ec;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.ec.EcCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * DAOS's EC single-value rules ({@code obj_ec_singv_*}): a value of at most {@code (k / 8 + 1) * 4096} bytes is kept
 * whole on data cell 0 with a copy on every parity shard; a larger one is cut into k shares of
 * {@code roundup(ceil(size / k), 8)} bytes (the last one zero-padded) with p parity shares. DAOS keeps the global
 * size in VOS; jdaos's VOS has no place for it, so every stored share ends with an 8-byte little-endian trailer
 * holding the value's size, and a shard's own value is that of the share.
 */
public final class EcSingleValue {
  static final int TRAILER = 8;
  private static final int CELL_ALIGN = 8;

  private EcSingleValue() {
  }

  /** {@code OBJ_EC_SINGV_EVENDIST_SZ}. */
  public static long evenDistThreshold(int k) {
    return (k / 8 + 1) * 4096L;
  }

  /** True when a value of {@code size} bytes stays whole on one data shard ({@code obj_ec_singv_one_tgt}). */
  public static boolean oneTarget(long size, int k) {
    return size <= evenDistThreshold(k);
  }

  /** {@code obj_ec_singv_cell_bytes}. */
  public static int cellBytes(long size, int k) {
    long c = (size + k - 1) / k;
    return Math.toIntExact((c + CELL_ALIGN - 1) / CELL_ALIGN * CELL_ALIGN);
  }

  /** The stored shares by logical cell (data 0..k-1, parity k..); null where a cell stores nothing. */
  public static byte[][] encode(byte[] value, EcCodec codec) {
    int k = codec.dataCells();
    int p = codec.parityCells();
    byte[][] out = new byte[k + p][];
    if (oneTarget(value.length, k)) {
      byte[] whole = withTrailer(value, 0, value.length, value.length, value.length);
      out[0] = whole;
      for (int j = 0; j < p; j++) {
        out[k + j] = whole;
      }
      return out;
    }
    int cell = cellBytes(value.length, k);
    ByteBuffer[] data = new ByteBuffer[k];
    ByteBuffer[] parity = new ByteBuffer[p];
    for (int c = 0; c < k; c++) {
      int from = Math.min(c * cell, value.length);
      int len = Math.min(cell, value.length - from);
      out[c] = withTrailer(value, from, len, cell, value.length);
      data[c] = ByteBuffer.wrap(out[c], 0, cell);
    }
    for (int j = 0; j < p; j++) {
      out[k + j] = new byte[cell + TRAILER];
      trailer(out[k + j], cell, value.length);
      parity[j] = ByteBuffer.wrap(out[k + j], 0, cell);
    }
    codec.encode(data, parity);
    return out;
  }

  private static byte[] withTrailer(byte[] src, int from, int len, int cell, long size) {
    byte[] b = new byte[cell + TRAILER];
    System.arraycopy(src, from, b, 0, len);
    trailer(b, cell, size);
    return b;
  }

  private static void trailer(byte[] b, int at, long size) {
    ByteBuffer.wrap(b, at, TRAILER).order(ByteOrder.LITTLE_ENDIAN).putLong(size);
  }

  /** The value size a stored share records; DER_IO when the share is too short to be one. */
  public static long sizeOf(byte[] share) {
    if (share.length < TRAILER) {
      throw new DaosException(DaosStatus.IO, "EC single-value share of " + share.length + " bytes has no size");
    }
    return ByteBuffer.wrap(share, share.length - TRAILER, TRAILER).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** The value of a one-target share (data cell 0 or a parity copy). */
  public static byte[] whole(byte[] share) {
    long size = sizeOf(share);
    if (size != share.length - TRAILER) {
      throw new DaosException(DaosStatus.IO, "EC single-value share holds " + (share.length - TRAILER)
          + " bytes, its trailer says " + size);
    }
    return Arrays.copyOf(share, (int) size);
  }

  /**
   * The value of {@code size} bytes from its shares by logical cell (null = not fetched or lost; at least k given),
   * reconstructing lost data shares with {@code codec}.
   */
  public static byte[] decode(byte[][] shares, long size, EcCodec codec) {
    int k = codec.dataCells();
    int p = codec.parityCells();
    int cell = cellBytes(size, k);
    ByteBuffer[] cells = new ByteBuffer[k + p];
    int[] lost = new int[k + p];
    int nLost = 0;
    for (int i = 0; i < k + p; i++) {
      if (shares[i] == null) {
        cells[i] = ByteBuffer.allocate(cell);
        lost[nLost++] = i;
      } else {
        cells[i] = ByteBuffer.wrap(shares[i], 0, cell);
      }
    }
    if (nLost > p) {
      throw new DaosException(DaosStatus.DATA_LOSS, "EC single value: " + nLost + " of " + (k + p)
          + " shares lost, at most " + p + " can be rebuilt");
    }
    boolean dataLost = false;
    for (int i = 0; i < nLost; i++) {
      dataLost |= lost[i] < k;
    }
    if (dataLost) {
      codec.reconstruct(cells, Arrays.copyOf(lost, nLost));
    }
    byte[] out = new byte[(int) size];
    for (int c = 0; c < k; c++) {
      int from = c * cell;
      int len = (int) Math.max(0, Math.min(cell, size - from));
      cells[c].duplicate().get(out, from, len);
    }
    return out;
  }
}
