package io.daos.client.obj.ec;

import io.daos.client.obj.Recx;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the records of one dkey of an erasure-coded object live (DAOS {@code obj_ec.h}): a cell is
 * {@code cellRec} records (the container's {@code ec_cell_sz}, in records as DAOS's {@code e_len}), a stripe k
 * cells; cell {@code c} of every stripe is on the group's shard {@code (start + c) % (k + p)} and parity cell
 * {@code j} on {@code (start + k + j) % (k + p)}, with {@code start = dkey_hash % (k + p)} (layout version 1). A
 * data shard keeps its cells back to back ({@code obj_ec_idx_daos2vos}); a parity shard keeps stripe {@code s}'s
 * parity at {@code PARITY_BIT | s * cellRec}.
 */
public final class EcGeometry {
  /**
   * The index bit of parity extents. DAOS uses bit 63 ({@code DAOS_EC_PARITY_BIT}); jdaos's VOS keeps record
   * indices as signed 63-bit numbers, so parity lives at bit 62 and EC arrays take indices below 2^62.
   */
  public static final long PARITY_BIT = 1L << 62;

  private final int k;
  private final int p;
  private final long cellRec;
  private final int start;

  public EcGeometry(int k, int p, long cellRec, long dkeyHash) {
    if (k < 1 || p < 1 || cellRec < 1) {
      throw new IllegalArgumentException("EC needs k, p, cell >= 1, got " + k + "+" + p + " cell " + cellRec);
    }
    this.k = k;
    this.p = p;
    this.cellRec = cellRec;
    this.start = (int) Long.remainderUnsigned(dkeyHash, k + p);
  }

  public int k() {
    return k;
  }

  public int p() {
    return p;
  }

  public long cellRecords() {
    return cellRec;
  }

  public long stripeRecords() {
    return k * cellRec;
  }

  /** The group member (0..k+p-1) holding data cell {@code c} ({@code obj_ec_shard_idx}). */
  public int dataMember(int c) {
    return (start + c) % (k + p);
  }

  /** The group member holding parity cell {@code j} ({@code obj_ec_parity_idx}). */
  public int parityMember(int j) {
    return (start + k + j) % (k + p);
  }

  /** The member holding logical cell {@code cell} (data 0..k-1, parity k..k+p-1). */
  public int member(int cell) {
    return (start + cell) % (k + p);
  }

  /** {@code obj_ec_idx_daos2vos}. */
  public long toVos(long daosIdx) {
    return daosIdx / stripeRecords() * cellRec + daosIdx % cellRec;
  }

  /** {@code obj_ec_idx_vos2daos} on data cell {@code c}. */
  public long toDaos(long vosIdx, int c) {
    return vosIdx / cellRec * stripeRecords() + c * cellRec + vosIdx % cellRec;
  }

  /** The parity extent index of stripe {@code s}. */
  public long parityIndex(long s) {
    return PARITY_BIT | s * cellRec;
  }

  /** A part of a recx inside one cell: daos index, records, cell, VOS index, record offset in the iod's buffer. */
  public record Piece(long index, long count, int cell, long vosIndex, long at) {
    public long stripe(EcGeometry g) {
      return index / g.stripeRecords();
    }
  }

  /** The recxs cut at cell boundaries, in order. */
  public List<Piece> pieces(List<Recx> recxs) {
    List<Piece> out = new ArrayList<>();
    long at = 0;
    for (Recx r : recxs) {
      long i = r.index();
      while (i < r.end()) {
        long n = Math.min(cellRec - i % cellRec, r.end() - i);
        out.add(new Piece(i, n, (int) (i % stripeRecords() / cellRec), toVos(i), at));
        at += n;
        i += n;
      }
    }
    return out;
  }
}
