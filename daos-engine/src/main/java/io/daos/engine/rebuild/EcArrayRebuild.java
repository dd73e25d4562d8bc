package io.daos.engine.rebuild;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.VersionRecord;
import io.daos.placement.ec.EcCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The array records of one akey of a lost EC shard, re-created from the surviving shards' histories (DAOS
 * {@code migrate_one_ult} of an EC shard: degraded fetch for a data shard, parity recomputed for a parity shard).
 * Every survivor's versions are replayed stripe by stripe in epoch order; at each epoch that touched a stripe the
 * lost cell is reconstructed from the survivors' cells as they were then (parity is current after every update, so
 * any k cells of one epoch give the others) and written at that epoch:
 * <ul>
 * <li>a parity cell whole, as every update of the stripe wrote it (a hole when no survivor has data in the stripe, as
 *   after a full-stripe punch);</li>
 * <li>a data cell over the records that changed plus the part of the update's span (the hull of what the survivors
 *   got at that epoch) that falls in the cell; up to its last non-zero record as data, zeros after it as a hole.</li>
 * </ul>
 * Reads at every epoch whose state the survivors keep exactly (the latest, every snapshot, anything VOS aggregation
 * has not merged yet) see the bytes the lost shard had. Not kept: which zero bytes of a data cell were written (as
 * opposed to holes) at the edges of a write that ended inside the lost cell, so such trailing written zeros become a
 * hole there (an array whose last bytes were written zeros on the lost shard reads back the same but its size may
 * read shorter); and rewrites of a cell with the bytes it already had.
 */
final class EcArrayRebuild {
  /** One survivor record's part inside one stripe's cell, in records. */
  private record Piece(int member, long epoch, int off, int nr, byte[] data, int dataOff, boolean hole) {
  }

  private final EcCodec codec;
  private final int k;
  private final long cell;
  private final int[] cellOf;
  private final int lost;
  private final boolean[] present;
  private final byte[] dkey;
  private final byte[] akey;
  private final long[] punches;
  private final TreeMap<Long, List<Piece>> stripes = new TreeMap<>();
  /** Epoch → [lo, hi) of the survivors' data records at that epoch, in array (DAOS) indices. */
  private final Map<Long, long[]> hulls = new HashMap<>();
  private long recordSize;

  /**
   * @param cellOf logical cell (data 0..k-1, parity k..) of each group member
   * @param present the members whose histories are given
   * @param punches epochs of the punches that cover this akey (object, its dkey, itself), ascending
   */
  EcArrayRebuild(EcCodec codec, long cellRec, int[] cellOf, int lostMember, boolean[] present, byte[] dkey,
      byte[] akey, long[] punches) {
    this.codec = codec;
    this.k = codec.dataCells();
    this.cell = cellRec;
    this.cellOf = cellOf;
    this.lost = lostMember;
    this.present = present;
    this.dkey = dkey;
    this.akey = akey;
    this.punches = punches;
  }

  /** Adds one ARRAY version of survivor {@code member}. */
  void add(int member, VersionRecord r) {
    if (!r.hole()) {
      if (recordSize != 0 && r.recordSize() != recordSize) {
        throw new DaosException(DaosStatus.NOTSUPPORTED, "EC rebuild: akey " + Arrays.toString(akey)
            + " holds records of " + recordSize + " and " + r.recordSize() + " bytes; cannot re-create its cells");
      }
      recordSize = r.recordSize();
    }
    boolean parity = cellOf[member] >= k;
    long vos = r.start();
    if (parity != ((vos & EcRebuildLayout.PARITY_BIT) != 0)) {
      throw new DaosException(DaosStatus.IO, "EC rebuild: shard member " + member + " holds an extent at " + vos
          + " outside its " + (parity ? "parity" : "data") + " index space");
    }
    vos &= ~EcRebuildLayout.PARITY_BIT;
    long end = vos + r.nr();
    int at = 0;
    for (long i = vos; i < end; ) {
      long s = i / cell;
      int off = (int) (i % cell);
      int n = (int) Math.min(cell - off, end - i);
      stripes.computeIfAbsent(s, x -> new ArrayList<>()).add(new Piece(member, r.epoch(), off, n, r.data(),
          (int) (at * r.recordSize()), r.hole()));
      if (!parity) {
        long daos = s * k * cell + (long) cellOf[member] * cell + off;
        hulls.merge(r.epoch(), new long[] {daos, daos + n}, (a, b) -> new long[] {Math.min(a[0], b[0]),
            Math.max(a[1], b[1])});
      }
      at += n;
      i += n;
    }
  }

  /** The lost shard's versions of this akey. */
  List<VersionRecord> rebuild() {
    List<VersionRecord> out = new ArrayList<>();
    if (recordSize == 0) {
      return out;
    }
    for (Map.Entry<Long, List<Piece>> e : stripes.entrySet()) {
      stripe(e.getKey(), e.getValue(), out);
    }
    return out;
  }

  private void stripe(long s, List<Piece> pieces, List<VersionRecord> out) {
    pieces.sort((a, b) -> Long.compare(a.epoch(), b.epoch()));
    TreeSet<Long> epochs = new TreeSet<>();
    pieces.forEach(p -> epochs.add(p.epoch()));
    for (long p : punches) {
      epochs.add(p);
    }
    int bytes = Math.toIntExact(cell * recordSize);
    byte[][] state = new byte[present.length][];
    BitSet[] visible = new BitSet[present.length];
    for (int m = 0; m < present.length; m++) {
      if (present[m]) {
        state[m] = new byte[bytes];
        visible[m] = new BitSet();
      }
    }
    byte[] prev = new byte[bytes];
    int next = 0;
    for (long e : epochs) {
      if (Arrays.binarySearch(punches, e) >= 0) {
        for (int m = 0; m < present.length; m++) {
          if (present[m]) {
            Arrays.fill(state[m], (byte) 0);
            visible[m].clear();
          }
        }
        prev = new byte[bytes];
      }
      boolean touched = false;
      while (next < pieces.size() && pieces.get(next).epoch() == e) {
        apply(pieces.get(next++), state, visible);
        touched = true;
      }
      if (touched) {
        byte[] now = reconstruct(state, bytes);
        emit(s, e, now, prev, visible, out);
        prev = now;
      }
    }
  }

  private void apply(Piece p, byte[][] state, BitSet[] visible) {
    int from = (int) (p.off() * recordSize);
    int len = (int) (p.nr() * recordSize);
    if (p.hole()) {
      Arrays.fill(state[p.member()], from, from + len, (byte) 0);
      visible[p.member()].clear(p.off(), p.off() + p.nr());
    } else {
      System.arraycopy(p.data(), p.dataOff(), state[p.member()], from, len);
      visible[p.member()].set(p.off(), p.off() + p.nr());
    }
  }

  /** The lost member's cell from the survivors' cells (absent members rebuilt alongside). */
  private byte[] reconstruct(byte[][] state, int bytes) {
    int n = present.length;
    ByteBuffer[] cells = new ByteBuffer[n];
    int[] gone = new int[n];
    int g = 0;
    for (int m = 0; m < n; m++) {
      if (present[m] && m != lost) {
        cells[cellOf[m]] = ByteBuffer.wrap(state[m]);
      } else {
        cells[cellOf[m]] = ByteBuffer.allocate(bytes);
        gone[g++] = cellOf[m];
      }
    }
    codec.reconstruct(cells, Arrays.copyOf(gone, g));
    byte[] out = new byte[bytes];
    cells[cellOf[lost]].duplicate().get(out);
    return out;
  }

  private void emit(long s, long e, byte[] now, byte[] prev, BitSet[] visible, List<VersionRecord> out) {
    int c = cellOf[lost];
    if (c >= k) {
      boolean any = false;
      for (BitSet b : visible) {
        any |= b != null && !b.isEmpty();
      }
      long idx = EcRebuildLayout.PARITY_BIT | s * cell;
      out.add(any ? array(e, idx, cell, now, 0) : hole(e, idx, cell));
      return;
    }
    int[] span = changed(now, prev);
    long[] h = hulls.get(e);
    long cellStart = s * k * cell + (long) c * cell;
    if (h != null && h[0] < cellStart + cell && h[1] > cellStart) {
      int a = (int) (Math.max(h[0], cellStart) - cellStart);
      int b = (int) (Math.min(h[1], cellStart + cell) - cellStart);
      span = span == null ? new int[] {a, b} : new int[] {Math.min(a, span[0]), Math.max(b, span[1])};
    }
    if (span == null) {
      return;
    }
    int lastNz = span[0] - 1;
    for (int r = span[1] - 1; r >= span[0]; r--) {
      if (!zero(now, r)) {
        lastNz = r;
        break;
      }
    }
    long base = s * cell;
    if (lastNz >= span[0]) {
      out.add(array(e, base + span[0], lastNz + 1 - span[0], now, span[0]));
    }
    if (lastNz + 1 < span[1]) {
      out.add(hole(e, base + lastNz + 1, span[1] - lastNz - 1));
    }
  }

  /** [first, last + 1) of the records whose bytes differ, or null. */
  private int[] changed(byte[] now, byte[] prev) {
    int first = Arrays.mismatch(now, prev);
    if (first < 0) {
      return null;
    }
    int last = now.length - 1;
    while (now[last] == prev[last]) {
      last--;
    }
    return new int[] {(int) (first / recordSize), (int) (last / recordSize) + 1};
  }

  private boolean zero(byte[] b, int record) {
    int rs = (int) recordSize;
    for (int i = record * rs; i < (record + 1) * rs; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private VersionRecord array(long e, long idx, long nr, byte[] cellBytes, int fromRecord) {
    int from = (int) (fromRecord * recordSize);
    byte[] data = Arrays.copyOfRange(cellBytes, from, from + (int) (nr * recordSize));
    return new VersionRecord(VersionRecord.Kind.ARRAY, e, dkey, akey, recordSize, idx, nr, data, false);
  }

  private VersionRecord hole(long e, long idx, long nr) {
    return new VersionRecord(VersionRecord.Kind.ARRAY, e, dkey, akey, 0, idx, nr, null, true);
  }
}
