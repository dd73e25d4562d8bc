package io.daos.itest.inproc;

import io.daos.engine.DaosEngine;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.EnumPage;
import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one target of a real engine holds of one container, read straight from its VOS on the target's own xstream:
 * lets a test check where the client's writes landed. Objects are matched by OID whatever their shard.
 */
public final class TargetStore {
  private static final long LATEST = -1;
  private static final int PAGE = 256;

  private final DaosEngine engine;
  private final int target;
  private final UUID pool;
  private final UUID cont;

  public TargetStore(DaosEngine engine, int target, UUID pool, UUID cont) {
    this.engine = engine;
    this.target = target;
    this.pool = pool;
    this.cont = cont;
  }

  /** The single value under {@code dkey}/{@code akey} of object (hi, lo), or null. */
  public byte[] single(long hi, long lo, byte[] dkey, byte[] akey) {
    return onTarget(c -> {
      for (VosObjectId oid : shards(c, hi, lo)) {
        List<FetchedValue> v = c.fetch(LATEST, oid, dkey, List.of(Iod.fetchSingle(akey)), 0);
        if (!v.isEmpty() && v.get(0).data() != null && v.get(0).data().length > 0) {
          return v.get(0).data();
        }
      }
      return null;
    });
  }

  /** The single value under {@code dkey}/{@code akey} of shard {@code shard} of object (hi, lo) only, or null. */
  public byte[] singleOfShard(long hi, long lo, int shard, byte[] dkey, byte[] akey) {
    return onTarget(c -> {
      List<FetchedValue> v = c.fetch(LATEST, new VosObjectId(hi, lo, shard), dkey, List.of(Iod.fetchSingle(akey)), 0);
      return v.isEmpty() || v.get(0).data() == null || v.get(0).data().length == 0 ? null : v.get(0).data();
    });
  }

  /** How many dkeys object (hi, lo) has here. */
  public int dkeyCount(long hi, long lo) {
    return onTarget(c -> {
      int n = 0;
      for (VosObjectId oid : shards(c, hi, lo)) {
        Anchor a = Anchor.ZERO;
        do {
          EnumPage<byte[]> p = c.listDkeys(LATEST, oid, a, PAGE);
          n += p.items().size();
          a = p.anchor();
        } while (!a.eof());
      }
      return n;
    });
  }

  private static List<VosObjectId> shards(VosContainer c, long hi, long lo) {
    List<VosObjectId> out = new ArrayList<>();
    Anchor a = Anchor.ZERO;
    do {
      EnumPage<VosObjectId> p = c.listObjects(LATEST, a, PAGE);
      p.items().stream().filter(o -> o.hi() == hi && o.lo() == lo).forEach(out::add);
      a = p.anchor();
    } while (!a.eof());
    return out;
  }

  private <T> T onTarget(java.util.function.Function<VosContainer, T> read) {
    return engine.xstreams().call(target, () -> {
      EnginePool p = engine.pools().get(pool);
      return read.apply(p.container(target, cont));
    });
  }
}
