package io.daos.client.obj.ec;

import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.IodType;
import io.daos.client.obj.Recx;
import com.google.protobuf.ByteString;
import io.daos.client.rpc.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.ec.EcCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A fetch of one array iod of an EC object (DAOS {@code obj_ec_fetch} and its degraded path {@code obj_ec_recov}):
 * each data cell's records come from its data shard; the cells of a lost shard are rebuilt, stripe by stripe, from
 * k other cells of the stripe (data shards first, then parity) with the codec. Holes read as zeros; the extents
 * reported are those the data shards show (a rebuilt piece counts as visible when the stripe has data).
 */
final class EcArrayFetch {
  private final EcGeometry g;
  private final EcCodec codec;
  private final EcShards shards;
  private final Iod iod;
  private final List<EcGeometry.Piece> pieces;
  private final Map<Integer, EcShards.Reply> healthy = new java.util.concurrent.ConcurrentHashMap<>();

  EcArrayFetch(EcGeometry g, EcCodec codec, EcShards shards, Iod iod) {
    this.g = g;
    this.codec = codec;
    this.shards = shards;
    this.iod = iod;
    this.pieces = g.pieces(iod.recxs());
  }

  CompletableFuture<FetchedIod> run() {
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int c = 0; c < g.k(); c++) {
      List<io.daos.proto.obj.Recx> recxs = new ArrayList<>();
      for (EcGeometry.Piece p : pieces) {
        if (p.cell() == c) {
          recxs.add(EcArrayUpdate.recx(p.vosIndex(), p.count()));
        }
      }
      if (recxs.isEmpty()) {
        continue;
      }
      int cell = c;
      fs.add(shards.fetch(g.dataMember(c), protoIod(iod.size(), recxs), 0).thenAccept(r -> {
        if (r != null) {
          healthy.put(cell, r);
        }
      }));
    }
    return Futures.all(fs).thenCompose(v -> {
      TreeSet<Long> lostStripes = new TreeSet<>();
      for (EcGeometry.Piece p : pieces) {
        if (!healthy.containsKey(p.cell())) {
          lostStripes.add(p.stripe(g));
        }
      }
      return lostStripes.isEmpty() ? CompletableFuture.completedFuture(Rebuilt.NONE) : rebuild(lostStripes, 0);
    }).thenApply(this::assemble);
  }

  private io.daos.proto.obj.Iod protoIod(long size, List<io.daos.proto.obj.Recx> recxs) {
    return io.daos.proto.obj.Iod.newBuilder().setAkey(ByteString.copyFrom(iod.akeyRef()))
        .setType(io.daos.proto.obj.IodType.IOD_ARRAY).setSize(size).addAllRecxs(recxs).build();
  }

  /** Whole stripes rebuilt from k cells: record size (0 = nothing visible) and each stripe's k data cells. */
  record Rebuilt(long recordSize, Map<Long, byte[]> stripes) {
    static final Rebuilt NONE = new Rebuilt(0, Map.of());
  }

  /** Reads k readable cells of every stripe in {@code stripes} and rebuilds their data cells; again if one fails. */
  private CompletableFuture<Rebuilt> rebuild(TreeSet<Long> stripes, int round) {
    List<Integer> chosen = new ArrayList<>();
    for (int cell = 0; cell < g.k() + g.p() && chosen.size() < g.k(); cell++) {
      if (shards.readable(g.member(cell))) {
        chosen.add(cell);
      }
    }
    if (chosen.size() < g.k()) {
      return Futures.failed(DaosStatus.DATA_LOSS, "EC group has " + shards.lostCount() + " of " + (g.k() + g.p())
          + " shards lost; at most " + g.p() + " can be rebuilt");
    }
    long rsHint = iod.size() > 0 ? iod.size() : healthy.values().stream().mapToLong(EcShards.Reply::size).max()
        .orElse(0);
    Map<Integer, EcShards.Reply> got = new java.util.concurrent.ConcurrentHashMap<>();
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int cell : chosen) {
      List<io.daos.proto.obj.Recx> recxs = new ArrayList<>();
      for (long s : stripes) {
        long idx = cell < g.k() ? s * g.cellRecords() : g.parityIndex(s);
        recxs.add(EcArrayUpdate.recx(idx, g.cellRecords()));
      }
      fs.add(shards.fetch(g.member(cell), protoIod(rsHint, recxs), 0).thenAccept(r -> {
        if (r != null) {
          got.put(cell, r);
        }
      }));
    }
    return Futures.all(fs).thenCompose(v -> {
      if (got.size() < chosen.size()) {
        if (round >= g.p()) {
          return Futures.failed(DaosStatus.DATA_LOSS, "EC group lost shards while it was being read");
        }
        return rebuild(stripes, round + 1);
      }
      return CompletableFuture.completedFuture(decode(stripes, chosen, got));
    });
  }

  private Rebuilt decode(TreeSet<Long> stripes, List<Integer> chosen, Map<Integer, EcShards.Reply> got) {
    long rs = got.values().stream().mapToLong(EcShards.Reply::size).max().orElse(0);
    if (rs == 0) {
      return Rebuilt.NONE;
    }
    int cellBytes = Math.toIntExact(g.cellRecords() * rs);
    int[] lost = new int[g.p()];
    int n = 0;
    for (int cell = 0; cell < g.k() + g.p(); cell++) {
      if (!chosen.contains(cell)) {
        lost[n++] = cell;
      }
    }
    Map<Long, byte[]> out = new TreeMap<>();
    int i = 0;
    for (long s : stripes) {
      byte[] image = new byte[g.k() * cellBytes];
      ByteBuffer[] cells = new ByteBuffer[g.k() + g.p()];
      for (int cell = 0; cell < g.k() + g.p(); cell++) {
        cells[cell] = cell < g.k() ? ByteBuffer.wrap(image, cell * cellBytes, cellBytes)
            : ByteBuffer.allocate(cellBytes);
      }
      for (int cell : chosen) {
        EcShards.Reply r = got.get(cell);
        if (r.size() == rs) {
          cells[cell].duplicate().put(r.data(), i * cellBytes, cellBytes);
        }
      }
      codec.reconstruct(cells, lost);
      out.put(s, image);
      i++;
    }
    return new Rebuilt(rs, out);
  }

  private FetchedIod assemble(Rebuilt rebuilt) {
    long rs = Math.max(rebuilt.recordSize(), healthy.values().stream().mapToLong(EcShards.Reply::size).max()
        .orElse(0));
    if (rs == 0) {
      return new FetchedIod(0, new byte[0], List.of());
    }
    long total = pieces.stream().mapToLong(EcGeometry.Piece::count).sum();
    byte[] out = new byte[Math.toIntExact(total * rs)];
    List<Recx> extents = new ArrayList<>();
    Map<Integer, Long> offsetInReply = new java.util.HashMap<>();
    for (EcGeometry.Piece p : pieces) {
      int n = (int) (p.count() * rs);
      EcShards.Reply r = healthy.get(p.cell());
      if (r != null) {
        long off = offsetInReply.getOrDefault(p.cell(), 0L);
        offsetInReply.put(p.cell(), off + p.count());
        if (r.size() == rs) {
          System.arraycopy(r.data(), (int) (off * rs), out, (int) (p.at() * rs), n);
        }
        continue;
      }
      byte[] image = rebuilt.stripes().get(p.stripe(g));
      if (image != null) {
        System.arraycopy(image, (int) ((p.index() - p.stripe(g) * g.stripeRecords()) * rs), out, (int) (p.at() * rs),
            n);
        extents.add(new Recx(p.index(), p.count()));
      }
    }
    healthy.forEach((c, r) -> r.extents().forEach(x -> daosExtents(x, c, extents)));
    return new FetchedIod(rs, out, Recx.coalesce(extents));
  }

  /** A shard's VOS extent as the DAOS extents it stands for (cut where its cells change stripes). */
  private void daosExtents(Recx x, int cell, List<Recx> out) {
    long i = x.index();
    while (i < x.end()) {
      long n = Math.min(g.cellRecords() - i % g.cellRecords(), x.end() - i);
      out.add(new Recx(g.toDaos(i, cell), n));
      i += n;
    }
  }
}
