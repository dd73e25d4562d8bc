package io.daos.client;

import com.google.protobuf.ByteString;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.ec.EcGeometry;
import io.daos.client.obj.ec.EcObjectIo;
import io.daos.client.obj.IodCodec;
import io.daos.client.obj.KeyPage;
import io.daos.client.obj.Keys;
import io.daos.client.obj.QueryKey;
import io.daos.client.obj.Recx;
import io.daos.client.obj.RecxPage;
import io.daos.client.obj.ShardIo;
import io.daos.client.rpc.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.Layout;
import io.daos.placement.Shard;
import io.daos.proto.obj.ObjEnumReply;
import io.daos.proto.obj.ObjEnumReq;
import io.daos.proto.obj.ObjQueryKeyReply;
import io.daos.proto.obj.ObjQueryKeyReq;
import io.daos.proto.obj.RecxEntry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Enumeration and query_key of an EC object. A key lives only on the shards its updates touched (every parity shard
 * and the data shards holding its records, p + 1 at least), with the parity shards rotating per dkey, so keys are
 * listed from every readable shard of the group and merged, as DAOS merges its shards' enumerations; a page's
 * anchor is the last key returned. The array extent of query_key comes from the data shards, their indices mapped
 * back to the array's; when a data shard is lost the parity extents stand for whole stripes ({@code VOS_GET_RECX_EC}).
 * list_recx lists every data shard's extents, maps them back to the array's indices and merges them
 * ({@code obj_ec_recxs_convert}, {@code merge_recx}).
 */
final class EcEnum {
  private static final Set<DaosStatus> LOST = Set.of(DaosStatus.UNREACH, DaosStatus.TIMEDOUT, DaosStatus.SHUTDOWN,
      DaosStatus.EXCLUDED);
  private static final int PAGE = 1024;

  private final DaosObject obj;
  private final ShardIo.Call<ObjEnumReply> dkeys;
  private final ShardIo.Call<ObjEnumReply> akeys;
  private final ShardIo.Call<ObjQueryKeyReply> query;
  private final ShardIo.Call<ObjEnumReply> recxs;

  EcEnum(DaosObject obj, ShardIo.Call<ObjEnumReply> dkeys, ShardIo.Call<ObjEnumReply> akeys,
      ShardIo.Call<ObjQueryKeyReply> query, ShardIo.Call<ObjEnumReply> recxs) {
    this.obj = obj;
    this.dkeys = dkeys;
    this.akeys = akeys;
    this.query = query;
    this.recxs = recxs;
  }

  private Comparator<byte[]> order(boolean dkey) {
    boolean u64 = dkey ? obj.oid().type().dkeyUint64() : obj.oid().type().akeyUint64();
    return u64 ? (a, b) -> Long.compareUnsigned(Keys.u64(a), Keys.u64(b)) : Arrays::compareUnsigned;
  }

  CompletableFuture<KeyPage> dkeys(Anchor anchor, int max) {
    if (anchor.isEof()) {
      return CompletableFuture.completedFuture(new KeyPage(List.of(), anchor));
    }
    int g = anchor.group();
    return obj.retryStale(() -> {
      Layout l = obj.layout();
      if (g >= l.groups()) {
        throw new DaosException(DaosStatus.INVAL, "anchor names group " + g + " but the object has " + l.groups());
      }
      return merged(l.version(), EcObjectIo.members(l, g), dkeys, true,
          a -> (t, e) -> ObjEnumReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setMax(PAGE)
              .setAnchor(ByteString.copyFrom(a)).build()).thenApply(keys -> page(keys, anchor, max, g,
          g + 1 < l.groups()));
    }).thenCompose(p -> p.keys().isEmpty() && !p.anchor().isEof() ? dkeys(p.anchor(), max)
        : CompletableFuture.completedFuture(p));
  }

  CompletableFuture<KeyPage> akeys(byte[] dkey, Anchor anchor, int max) {
    if (anchor.isEof()) {
      return CompletableFuture.completedFuture(new KeyPage(List.of(), anchor));
    }
    return obj.retryStale(() -> {
      Layout l = obj.layout();
      return merged(l.version(), EcObjectIo.members(l, l.groupOf(dkey)), akeys, false,
          a -> (t, e) -> ObjEnumReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setMax(PAGE)
              .setDkey(ByteString.copyFrom(dkey)).setAnchor(ByteString.copyFrom(a)).build())
          .thenApply(keys -> page(keys, anchor, max, 0, false));
    });
  }

  private KeyPage page(TreeSet<byte[]> keys, Anchor anchor, int max, int g, boolean moreGroups) {
    byte[] last = anchor.shardAnchor();
    List<byte[]> out = new ArrayList<>();
    for (byte[] k : last.length == 0 ? keys : keys.tailSet(last, false)) {
      if (out.size() == max) {
        return new KeyPage(out, Anchor.at(g, out.get(out.size() - 1)));
      }
      out.add(k);
    }
    return new KeyPage(out, moreGroups ? Anchor.at(g + 1, new byte[0]) : Anchor.eof());
  }

  /** Every key of every readable member, merged; DER_DATA_LOSS when more than p members are lost. */
  private CompletableFuture<TreeSet<byte[]>> merged(int version, List<Shard> members, ShardIo.Call<ObjEnumReply> c,
      boolean dkey, Function<byte[], ShardIo.Body> body) {
    TreeSet<byte[]> keys = new TreeSet<>(order(dkey));
    List<CompletableFuture<Boolean>> fs = new ArrayList<>();
    for (Shard s : members) {
      fs.add(s.placed() && !s.rebuilding() ? all(version, s, c, body, new byte[0], keys) : done(false));
    }
    int p = obj.oid().objectClass().redundancy().parityCells();
    return Futures.all(fs).thenApply(ok -> {
      long lost = ok.stream().filter(b -> !b).count();
      if (lost > p) {
        throw new DaosException(DaosStatus.DATA_LOSS, "EC group: " + lost + " shards lost, keys cannot be listed");
      }
      return keys;
    });
  }

  private CompletableFuture<Boolean> all(int version, Shard s, ShardIo.Call<ObjEnumReply> c,
      Function<byte[], ShardIo.Body> body, byte[] anchor, TreeSet<byte[]> keys) {
    return obj.io().readShard(version, s, c, body.apply(anchor), null).handle((r, e) -> {
      if (e != null) {
        if (LOST.contains(Futures.status(e))) {
          return done(false);
        }
        throw Futures.unwrap(e);
      }
      synchronized (keys) {
        r.body().getKeysList().forEach(k -> keys.add(k.toByteArray()));
      }
      return r.body().getEof() ? done(true) : all(version, s, c, body, r.body().getAnchor().toByteArray(), keys);
    }).thenCompose(x -> x);
  }

  private static CompletableFuture<Boolean> done(boolean v) {
    return CompletableFuture.completedFuture(v);
  }

  // --- query_key -------------------------------------------------------------------------------------------------

  private record Answer(int member, QueryKey q) {
  }

  CompletableFuture<QueryKey> queryKey(int flags, byte[] dkey, byte[] akey) {
    boolean max = (flags & QueryKey.GET_MAX) != 0;
    int keyFlags = flags & ~QueryKey.GET_RECX;
    return obj.retryStale(() -> {
      Layout l = obj.layout();
      CompletableFuture<QueryKey> keys;
      if ((flags & (QueryKey.GET_DKEY | QueryKey.GET_AKEY)) == 0) {
        keys = CompletableFuture.completedFuture(new QueryKey(dkey, akey, null));
      } else {
        List<CompletableFuture<List<Answer>>> fs = new ArrayList<>();
        if ((flags & QueryKey.GET_DKEY) != 0) {
          for (int g = 0; g < l.groups(); g++) {
            fs.add(ask(l, g, keyFlags, dkey, akey));
          }
        } else {
          fs.add(ask(l, l.groupOf(DaosObject.checkKey(dkey, "dkey (query_key without GET_DKEY)")), keyFlags, dkey,
              akey));
        }
        keys = Futures.all(fs).thenApply(rs -> best(rs, max, (flags & QueryKey.GET_DKEY) != 0));
      }
      if ((flags & QueryKey.GET_RECX) == 0) {
        return keys;
      }
      boolean foundAkey = (flags & QueryKey.GET_AKEY) != 0;
      return keys.thenCompose(k -> recx(l, k.dkey(), foundAkey ? k.akey() : akey, max)
          .thenApply(r -> new QueryKey(k.dkey(), k.akey(), r)));
    });
  }

  /** Every readable member of group {@code g} asked; members without a match or lost answer nothing. */
  private CompletableFuture<List<Answer>> ask(Layout l, int g, int flags, byte[] dkey, byte[] akey) {
    List<Shard> members = EcObjectIo.members(l, g);
    List<CompletableFuture<Answer>> fs = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      fs.add(ask(l.version(), members.get(m), m, flags, dkey, akey));
    }
    return Futures.all(fs).thenApply(rs -> rs.stream().filter(java.util.Objects::nonNull).toList());
  }

  private CompletableFuture<Answer> ask(int version, Shard s, int member, int flags, byte[] dkey, byte[] akey) {
    return ask(version, s, member, flags, dkey, akey, java.util.concurrent.ConcurrentHashMap.newKeySet());
  }

  /** As above; a member that is not readable is added to {@code lost}. */
  private CompletableFuture<Answer> ask(int version, Shard s, int member, int flags, byte[] dkey, byte[] akey,
      Set<Integer> lost) {
    if (!s.placed() || s.rebuilding()) {
      lost.add(member);
      return CompletableFuture.completedFuture(null);
    }
    ShardIo.Body body = (t, e) -> {
      ObjQueryKeyReq.Builder b = ObjQueryKeyReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setFlags(flags);
      if (dkey != null) {
        b.setDkey(ByteString.copyFrom(dkey));
      }
      if (akey != null) {
        b.setAkey(ByteString.copyFrom(akey));
      }
      return b.build();
    };
    return obj.io().readShard(version, s, query, body, null).handle((r, e) -> {
      if (e == null) {
        ObjQueryKeyReply b = r.body();
        return new Answer(member, new QueryKey(b.getDkey().toByteArray(), b.getAkey().toByteArray(),
            b.hasRecx() ? IodCodec.recx(b.getRecx()) : null));
      }
      DaosStatus st = Futures.status(e);
      if (LOST.contains(st)) {
        lost.add(member);
      }
      if (st == DaosStatus.NONEXIST || LOST.contains(st)) {
        return null;
      }
      throw Futures.unwrap(e);
    });
  }

  private QueryKey best(List<List<Answer>> rs, boolean max, boolean byDkey) {
    Comparator<byte[]> cmp = order(byDkey);
    QueryKey best = null;
    for (List<Answer> group : rs) {
      for (Answer a : group) {
        QueryKey q = a.q();
        if (best == null) {
          best = q;
          continue;
        }
        int c = byDkey ? cmp.compare(q.dkey(), best.dkey()) : cmp.compare(q.akey(), best.akey());
        if (max ? c > 0 : c < 0) {
          best = q;
        }
      }
    }
    if (best == null) {
      throw new DaosException(DaosStatus.NONEXIST, "query_key: no key matches");
    }
    return best;
  }

  /** The max/min extent of the array under {@code dkey}/{@code akey} in the array's indices; null when none. */
  private CompletableFuture<Recx> recx(Layout l, byte[] dkey, byte[] akey, boolean max) {
    int g = l.groupOf(dkey);
    EcGeometry geo = obj.ec().geometry(dkey);
    List<Shard> members = EcObjectIo.members(l, g);
    int f = QueryKey.GET_RECX | (max ? QueryKey.GET_MAX : QueryKey.GET_MIN);
    List<CompletableFuture<Recx>> fs = new ArrayList<>();
    Set<Integer> lost = java.util.concurrent.ConcurrentHashMap.newKeySet();
    for (int c = 0; c < geo.k(); c++) {
      int cell = c;
      fs.add(ask(l.version(), members.get(geo.dataMember(c)), geo.dataMember(c), f, dkey, akey, lost)
          .thenApply(a -> a == null || a.q().recx() == null ? null : fromData(geo, a.q().recx(), cell, max)));
    }
    return Futures.all(fs).thenCompose(data -> {
      if (lost.isEmpty()) {
        return CompletableFuture.completedFuture(best(data, max));
      }
      List<CompletableFuture<Recx>> ps = new ArrayList<>();
      for (int j = 0; j < geo.p(); j++) {
        ps.add(ask(l.version(), members.get(geo.parityMember(j)), geo.parityMember(j), f, dkey, akey)
            .thenApply(a -> a == null || a.q().recx() == null ? null : fromParity(geo, a.q().recx())));
      }
      return Futures.all(ps).thenApply(par -> {
        List<Recx> all = new ArrayList<>(data);
        all.addAll(par);
        return best(all, max);
      });
    });
  }

  private static Recx best(List<Recx> rs, boolean max) {
    Recx best = null;
    for (Recx r : rs) {
      if (r != null && (best == null || (max ? r.end() > best.end() : r.index() < best.index()))) {
        best = r;
      }
    }
    return best;
  }

  private static Recx fromData(EcGeometry geo, Recx v, int cell, boolean max) {
    long cr = geo.cellRecords();
    if (max) {
      long last = v.end() - 1;
      long from = Math.max(v.index(), last - last % cr);
      return new Recx(geo.toDaos(from, cell), last - from + 1);
    }
    long to = Math.min(v.end(), v.index() - v.index() % cr + cr);
    return new Recx(geo.toDaos(v.index(), cell), to - v.index());
  }

  private static Recx fromParity(EcGeometry geo, Recx p) {
    if (p.index() < EcGeometry.PARITY_BIT) {
      return null;
    }
    long s = (p.index() & ~EcGeometry.PARITY_BIT) / geo.cellRecords();
    return new Recx(s * geo.stripeRecords(), geo.stripeRecords());
  }

  // --- list_recx -------------------------------------------------------------------------------------------------

  /** One shard's extents (shard-local indices) and the array's record size; {@code ok} false when it is lost. */
  private record ShardRecxs(boolean ok, List<Recx> recxs, long recordSize) {
  }

  /**
   * {@code daos_obj_list_recx} of an EC array. DAOS asks one parity shard, whose VOS holds the partial stripes'
   * replicas and the full stripes' parity, and falls back to every data shard when no parity shard is readable.
   * jdaos keeps parity always current (no replicas on parity shards), so a parity shard only knows whole stripes:
   * the data shards are listed instead, each extent cut at cell boundaries and mapped back to the array's indices
   * ({@code obj_ec_idx_vos2daos}), then merged where they touch ({@code merge_recx}). A lost data shard's cells are
   * taken from the parity shards: every stripe with parity counts as written in that cell. More than p lost shards
   * give DER_DATA_LOSS. The anchor is the array index after the last extent returned; each page lists the shards
   * again (fine for thousands of extents).
   */
  CompletableFuture<RecxPage> recx(byte[] dkey, byte[] akey, Anchor anchor, int max) {
    if (anchor.isEof()) {
      return CompletableFuture.completedFuture(new RecxPage(List.of(), 0, anchor));
    }
    long from = anchor.shardAnchor().length == 8
        ? ByteBuffer.wrap(anchor.shardAnchor()).order(ByteOrder.LITTLE_ENDIAN).getLong() : 0;
    return obj.retryStale(() -> {
      Layout l = obj.layout();
      EcGeometry geo = obj.ec().geometry(dkey);
      List<Shard> members = EcObjectIo.members(l, l.groupOf(dkey));
      List<CompletableFuture<ShardRecxs>> fs = new ArrayList<>();
      for (int c = 0; c < geo.k(); c++) {
        fs.add(shardRecxs(l.version(), members.get(geo.dataMember(c)), dkey, akey));
      }
      return Futures.all(fs).thenCompose(data -> {
        List<Integer> lostCells = new ArrayList<>();
        for (int c = 0; c < geo.k(); c++) {
          if (!data.get(c).ok()) {
            lostCells.add(c);
          }
        }
        if (lostCells.size() > geo.p()) {
          throw new DaosException(DaosStatus.DATA_LOSS, "EC group: " + lostCells.size()
              + " data shards lost, extents cannot be listed");
        }
        CompletableFuture<List<ShardRecxs>> parity = CompletableFuture.completedFuture(List.of());
        if (!lostCells.isEmpty()) {
          List<CompletableFuture<ShardRecxs>> ps = new ArrayList<>();
          for (int j = 0; j < geo.p(); j++) {
            ps.add(shardRecxs(l.version(), members.get(geo.parityMember(j)), dkey, akey));
          }
          parity = Futures.all(ps);
        }
        return parity.thenApply(par -> {
          long lostParity = par.stream().filter(r -> !r.ok()).count();
          if (lostCells.size() + lostParity > geo.p()) {
            throw new DaosException(DaosStatus.DATA_LOSS, "EC group: " + (lostCells.size() + lostParity)
                + " shards lost, extents cannot be listed");
          }
          List<Recx> merged = merge(geo, data, lostCells, par);
          long rs = 0;
          for (ShardRecxs r : data) {
            rs = rs == 0 ? r.recordSize() : rs;
          }
          for (ShardRecxs r : par) {
            rs = rs == 0 ? r.recordSize() : rs;
          }
          return recxPage(merged, from, max, rs);
        });
      });
    });
  }

  private static RecxPage recxPage(List<Recx> merged, long from, int max, long recordSize) {
    List<Recx> out = new ArrayList<>();
    for (Recx r : merged) {
      if (r.end() <= from) {
        continue;
      }
      if (out.size() == max) {
        long next = out.get(out.size() - 1).end();
        return new RecxPage(out, recordSize,
            Anchor.at(0, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(next).array()));
      }
      out.add(r.index() < from ? new Recx(from, r.end() - from) : r);
    }
    return new RecxPage(out, recordSize, Anchor.eof());
  }

  /** The data shards' extents in array indices, plus the lost cells of every stripe with parity, merged. */
  static List<Recx> merge(EcGeometry geo, List<ShardRecxs> data, List<Integer> lostCells, List<ShardRecxs> par) {
    List<Recx> all = new ArrayList<>();
    long cr = geo.cellRecords();
    for (int c = 0; c < data.size(); c++) {
      for (Recx v : data.get(c).recxs()) {
        if ((v.index() & EcGeometry.PARITY_BIT) != 0) {
          continue;
        }
        long i = v.index();
        while (i < v.end()) {
          long n = Math.min(cr - i % cr, v.end() - i);
          all.add(new Recx(geo.toDaos(i, c), n));
          i += n;
        }
      }
    }
    TreeSet<Long> stripes = new TreeSet<>();
    for (ShardRecxs p : par) {
      for (Recx v : p.recxs()) {
        if ((v.index() & EcGeometry.PARITY_BIT) == 0) {
          continue;
        }
        long first = (v.index() & ~EcGeometry.PARITY_BIT) / cr;
        long last = ((v.end() - 1) & ~EcGeometry.PARITY_BIT) / cr;
        for (long s = first; s <= last; s++) {
          stripes.add(s);
        }
      }
    }
    for (long s : stripes) {
      for (int c : lostCells) {
        all.add(new Recx(s * geo.stripeRecords() + c * cr, cr));
      }
    }
    return Recx.coalesce(all);
  }

  /** Every extent of one shard (all pages); a lost or unplaced shard answers {@code ok == false}. */
  private CompletableFuture<ShardRecxs> shardRecxs(int version, Shard s, byte[] dkey, byte[] akey) {
    if (!s.placed() || s.rebuilding()) {
      return CompletableFuture.completedFuture(new ShardRecxs(false, List.of(), 0));
    }
    List<Recx> out = new ArrayList<>();
    long[] rs = {0};
    return shardRecxPage(version, s, dkey, akey, new byte[0], out, rs)
        .thenApply(ok -> new ShardRecxs(ok, out, rs[0]));
  }

  private CompletableFuture<Boolean> shardRecxPage(int version, Shard s, byte[] dkey, byte[] akey, byte[] anchor,
      List<Recx> out, long[] rs) {
    ShardIo.Body body = (t, e) -> ObjEnumReq.newBuilder().setTarget(t).setEpoch(obj.readEpoch()).setMax(PAGE)
        .setDkey(ByteString.copyFrom(dkey)).setAkey(ByteString.copyFrom(akey)).setAnchor(ByteString.copyFrom(anchor))
        .build();
    return obj.io().readShard(version, s, recxs, body, null).handle((r, e) -> {
      if (e != null) {
        DaosStatus st = Futures.status(e);
        if (LOST.contains(st)) {
          return done(false);
        }
        if (st == DaosStatus.NONEXIST) {
          return done(true);
        }
        throw Futures.unwrap(e);
      }
      for (RecxEntry x : r.body().getRecxsList()) {
        out.add(IodCodec.recx(x.getRecx()));
        if (rs[0] == 0 && x.getRecordSize() > 0) {
          rs[0] = x.getRecordSize();
        }
      }
      return r.body().getEof() ? done(true)
          : shardRecxPage(version, s, dkey, akey, r.body().getAnchor().toByteArray(), out, rs);
    }).thenCompose(x -> x);
  }
}
