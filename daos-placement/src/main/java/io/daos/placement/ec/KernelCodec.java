package io.daos.placement.ec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EcCodec} on a {@link GfKernel}: the encode matrix and its parity tables made once (DAOS's
 * {@code obj_ec_codec_init}), and one decoder per set of lost cells, kept for reuse (DAOS keeps the last one per
 * degraded fetch in {@code efi_recov_codec}).
 */
final class KernelCodec<T> implements EcCodec {
  /** Decoders kept at most; k + p ≤ 72 cells with ≤ 8 lost has more sets than any failure pattern needs. */
  private static final int MAX_DECODERS = 1024;

  private final GfKernel<T> kernel;
  private final int k;
  private final int p;
  private final byte[] matrix;
  private final T parityTables;
  private final Map<BitSet, Decoder<T>> decoders = new ConcurrentHashMap<>();

  private record Decoder<T>(DecodePlan plan, T tables) {}

  KernelCodec(GfKernel<T> kernel, int k, int p) {
    this.kernel = kernel;
    this.k = k;
    this.p = p;
    this.matrix = kernel.cauchy1(k + p, k);
    this.parityTables = kernel.tables(k, p, Arrays.copyOfRange(matrix, k * k, matrix.length));
  }

  @Override
  public int dataCells() {
    return k;
  }

  @Override
  public int parityCells() {
    return p;
  }

  @Override
  public String implementation() {
    return kernel.name();
  }

  @Override
  public byte[] encodeMatrix() {
    return matrix.clone();
  }

  @Override
  public void encode(ByteBuffer[] data, ByteBuffer[] parity) {
    int len = Cells.length(data, k, parity, p);
    kernel.dot(len, k, p, parityTables, data, parity);
  }

  @Override
  public void update(int dataIndex, ByteBuffer delta, ByteBuffer[] parity) {
    if (dataIndex < 0 || dataIndex >= k) {
      throw new IllegalArgumentException("data cell " + dataIndex + " of " + k);
    }
    int len = Cells.length(new ByteBuffer[] {delta}, 1, parity, p);
    kernel.mad(len, k, p, dataIndex, parityTables, delta, parity);
  }

  @Override
  public void reconstruct(ByteBuffer[] cells, int... lost) {
    Cells.count("stripe", cells, k + p);
    int[] sorted = Cells.lost(lost, k, p);
    if (sorted.length == 0) {
      return;
    }
    Decoder<T> d = decoder(sorted);
    ByteBuffer[] in = pick(cells, d.plan().survivors());
    ByteBuffer[] out = pick(cells, d.plan().lost());
    int len = Cells.length(in, k, out, out.length);
    kernel.dot(len, k, out.length, d.tables(), in, out);
  }

  private Decoder<T> decoder(int[] lost) {
    BitSet key = new BitSet(k + p);
    for (int c : lost) {
      key.set(c);
    }
    Decoder<T> d = decoders.get(key);
    if (d == null) {
      DecodePlan plan = DecodePlan.of(matrix, k, lost, kernel::invert);
      d = new Decoder<>(plan, kernel.tables(k, lost.length, plan.rows()));
      if (decoders.size() >= MAX_DECODERS) {
        decoders.clear();
      }
      decoders.put(key, d);
    }
    return d;
  }

  private static ByteBuffer[] pick(ByteBuffer[] cells, int[] which) {
    ByteBuffer[] out = new ByteBuffer[which.length];
    for (int i = 0; i < which.length; i++) {
      out[i] = cells[which[i]];
    }
    return out;
  }

  @Override
  public String toString() {
    return "EC " + k + "+" + p + " (" + kernel.name() + ")";
  }
}
