package io.daos.client.obj.ec;

import io.daos.client.obj.Iod;
import io.daos.client.obj.Recx;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.ec.EcCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shard parts of one array iod of an EC update. Data records go to their data cells' shards at their VOS
 * indices. Every stripe the iod touches gets its parity rewritten: a stripe the iod covers whole is encoded from the
 * new records (DAOS's full-stripe update); a stripe it covers in part is encoded from the stripe as it was
 * ({@link Old}, read first) with the new records laid over it, holes as zeros. DAOS instead replicates a partial
 * stripe onto the parity shards and folds it into parity later (EC aggregation); here parity is always current, so a
 * degraded read rebuilds any cell from any k others.
 */
final class EcArrayUpdate {
  /** The stripes the update covers only in part, as they were: record size (0 = nothing visible) and images. */
  record Old(long recordSize, Map<Long, byte[]> stripes) {
    static final Old NONE = new Old(0, Map.of());
  }

  private final EcGeometry g;
  private final EcCodec codec;
  private final Iod iod;
  private final List<EcGeometry.Piece> pieces;

  EcArrayUpdate(EcGeometry g, EcCodec codec, Iod iod) {
    this.g = g;
    this.codec = codec;
    this.iod = iod;
    this.pieces = g.pieces(iod.recxs());
    for (Recx r : iod.recxs()) {
      if (r.end() > EcGeometry.PARITY_BIT / 2) {
        throw new DaosException(DaosStatus.INVAL, "EC array records end below 2^61 here, recx ends at " + r.end());
      }
    }
  }

  /** Stripe → true when the iod covers it whole. */
  TreeMap<Long, Boolean> stripes() {
    TreeMap<Long, Long> covered = new TreeMap<>();
    List<EcGeometry.Piece> sorted = new ArrayList<>(pieces);
    sorted.sort((a, b) -> Long.compare(a.index(), b.index()));
    long reach = -1;
    for (EcGeometry.Piece p : sorted) {
      long from = Math.max(p.index(), reach);
      long to = p.index() + p.count();
      if (to > from) {
        covered.merge(p.stripe(g), to - from, Long::sum);
      }
      reach = Math.max(reach, to);
    }
    TreeMap<Long, Boolean> out = new TreeMap<>();
    covered.forEach((s, n) -> out.put(s, n == g.stripeRecords()));
    return out;
  }

  /** The stripes to read before the update. */
  List<Long> partial() {
    List<Long> out = new ArrayList<>();
    stripes().forEach((s, full) -> {
      if (!full) {
        out.add(s);
      }
    });
    return out;
  }

  /** Adds the parts of every member to {@code parts}, given the partial stripes as they were. */
  void plan(Old old, EcParts parts) {
    byte[] akey = iod.akeyRef();
    long rs = iod.size();
    for (int c = 0; c < g.k(); c++) {
      List<io.daos.proto.obj.Recx> recxs = new ArrayList<>();
      List<ByteBuffer> bytes = new ArrayList<>();
      for (EcGeometry.Piece p : pieces) {
        if (p.cell() == c) {
          recxs.add(recx(p.vosIndex(), p.count()));
          if (rs > 0) {
            bytes.add(iod.dataBuffer().slice((int) (p.at() * rs), (int) (p.count() * rs)));
          }
        }
      }
      if (!recxs.isEmpty()) {
        parts.array(g.dataMember(c), akey, rs, recxs, bytes);
      }
    }
    parity(old, parts);
  }

  private void parity(Old old, EcParts parts) {
    TreeMap<Long, Boolean> stripes = stripes();
    long rs = iod.size() > 0 ? iod.size() : old.recordSize();
    boolean write = iod.size() > 0 || (rs > 0 && stripes.containsValue(false));
    List<List<io.daos.proto.obj.Recx>> recxs = new ArrayList<>();
    List<List<ByteBuffer>> bytes = new ArrayList<>();
    for (int j = 0; j < g.p(); j++) {
      recxs.add(new ArrayList<>());
      bytes.add(new ArrayList<>());
    }
    for (Map.Entry<Long, Boolean> e : stripes.entrySet()) {
      long s = e.getKey();
      for (int j = 0; j < g.p(); j++) {
        recxs.get(j).add(recx(g.parityIndex(s), g.cellRecords()));
      }
      if (write) {
        ByteBuffer[] par = encode(s, e.getValue() ? null : old.stripes().get(s), rs);
        for (int j = 0; j < g.p(); j++) {
          bytes.get(j).add(par[j]);
        }
      }
    }
    for (int j = 0; j < g.p(); j++) {
      parts.array(g.parityMember(j), iod.akeyRef(), write ? rs : 0, recxs.get(j), bytes.get(j));
    }
  }

  /** Parity of stripe {@code s}: {@code base} (or zeros) with this iod's records (or holes) laid over it. */
  private ByteBuffer[] encode(long s, byte[] base, long rs) {
    int cellBytes = Math.toIntExact(g.cellRecords() * rs);
    byte[] image = new byte[g.k() * cellBytes];
    if (base != null && base.length == image.length) {
      System.arraycopy(base, 0, image, 0, image.length);
    }
    long first = s * g.stripeRecords();
    for (EcGeometry.Piece p : pieces) {
      if (p.stripe(g) != s) {
        continue;
      }
      int to = (int) ((p.index() - first) * rs);
      int n = (int) (p.count() * rs);
      if (iod.size() > 0) {
        iod.dataBuffer().get((int) (p.at() * rs), image, to, n);
      } else {
        java.util.Arrays.fill(image, to, to + n, (byte) 0);
      }
    }
    ByteBuffer[] data = new ByteBuffer[g.k()];
    for (int c = 0; c < g.k(); c++) {
      data[c] = ByteBuffer.wrap(image, c * cellBytes, cellBytes);
    }
    ByteBuffer[] par = new ByteBuffer[g.p()];
    for (int j = 0; j < g.p(); j++) {
      par[j] = ByteBuffer.wrap(new byte[cellBytes]);
    }
    codec.encode(data, par);
    return par;
  }

  static io.daos.proto.obj.Recx recx(long idx, long nr) {
    return io.daos.proto.obj.Recx.newBuilder().setIdx(idx).setNr(nr).build();
  }
}
