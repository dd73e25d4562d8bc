package io.daos.engine.rebuild;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The parts of libdaos's EC layout (docs/libdaos.md, "Erasure-coded objects"; DAOS {@code obj_ec.h}) that rebuild
 * must know to re-create a shard: where parity extents sit and how single values are stored. They must stay equal to
 * the client's ({@code io.daos.client.obj.ec.EcGeometry}, {@code EcSingleValue}), whose stored format they read.
 */
final class EcRebuildLayout {
  /** The index bit of parity extents (bit 62 here; DAOS's {@code DAOS_EC_PARITY_BIT} is bit 63). */
  static final long PARITY_BIT = 1L << 62;
  /** Bytes of the value-size trailer at the end of every stored single-value share. */
  static final int TRAILER = 8;

  private EcRebuildLayout() {
  }

  /** Logical cell (data 0..k-1, parity k..k+p-1) of each group member for a dkey of hash {@code dkeyHash}. */
  static int[] cellOfMember(long dkeyHash, int groupSize) {
    int start = (int) Long.remainderUnsigned(dkeyHash, groupSize);
    int[] out = new int[groupSize];
    for (int m = 0; m < groupSize; m++) {
      out[m] = Math.floorMod(m - start, groupSize);
    }
    return out;
  }

  /** {@code obj_ec_singv_one_tgt}: a value this small is kept whole on data cell 0 and every parity cell. */
  static boolean oneTarget(long size, int k) {
    return size <= (k / 8 + 1) * 4096L;
  }

  /** {@code obj_ec_singv_cell_bytes}. */
  static int shareBytes(long size, int k) {
    long c = (size + k - 1) / k;
    return Math.toIntExact((c + 7) / 8 * 8);
  }

  /** The value size a stored share's trailer records. */
  static long sizeOf(byte[] share) {
    if (share == null || share.length < TRAILER) {
      throw new DaosException(DaosStatus.IO, "EC rebuild: a single-value share of "
          + (share == null ? 0 : share.length) + " bytes has no size trailer");
    }
    return ByteBuffer.wrap(share, share.length - TRAILER, TRAILER).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  /** {@code bytes} of share followed by the size trailer. */
  static byte[] withTrailer(byte[] cell, long size) {
    byte[] b = new byte[cell.length + TRAILER];
    System.arraycopy(cell, 0, b, 0, cell.length);
    ByteBuffer.wrap(b, cell.length, TRAILER).order(ByteOrder.LITTLE_ENDIAN).putLong(size);
    return b;
  }
}
