package io.daos.engine.rebuild;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.VersionRecord;
import io.daos.placement.object.ObjectId;
import io.daos.proto.rebuild.EcSource;
import io.daos.proto.rebuild.MigrateObj;
import io.daos.proto.rebuild.ObjMigrateReq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The destination side of the rebuild of a lost EC shard ({@code srv_obj_migrate.c} for EC objects): the whole
 * history of every surviving shard of the group the scanner listed ({@link MigrateObj#getEcSrcsList}) is pulled
 * (DAOS_OBJ_RPC_ENUMERATE, page by page), the lost shard's versions are computed from them
 * ({@link EcShardRebuild}) off the target's thread, and written at their epochs on the target's thread, a group
 * commit per {@link MigratePuller#PAGE_BYTES} of data. The survivors' histories of one object are held in memory:
 * an object whose survivors hold more than {@link #MAX_OBJECT_BYTES} fails the rebuild (DER_NOMEM) rather than
 * leave the shard incomplete.
 */
final class EcMigrate {
  /** Value bytes of all survivors' histories of one object that a destination holds at once. */
  static final long MAX_OBJECT_BYTES = 512L << 20;

  private final MigratePuller puller;

  EcMigrate(MigratePuller puller) {
    this.puller = puller;
  }

  /** Re-creates shard {@code o.shard} of one object; completes with what it wrote. */
  CompletableFuture<Counts> pull(ObjMigrateReq req, EnginePool ep, UUID cont, MigrateObj o, LocalRebuild local) {
    ObjectId oid = new ObjectId(o.getOidLo(), o.getOidHi());
    if (o.getEcCell() <= 0) {
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.INVAL, "EC rebuild of " + oid
          + " shard " + o.getShard() + ": the container's ec_cell_sz is not known"));
    }
    int groupSize = oid.objectClass().redundancy().groupSize();
    Map<Integer, List<VersionRecord>> survivors = new TreeMap<>();
    long[] bytes = {0};
    CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
    for (EcSource src : o.getEcSrcsList()) {
      all = all.thenCompose(found -> !found ? CompletableFuture.completedFuture(false)
          : history(req, o, src, ByteString.EMPTY, new ArrayList<>(), bytes, local).thenApply(h -> {
            if (h != null) {
              survivors.put(src.getShard() % groupSize, h);
            }
            return h != null;
          }));
    }
    return all.thenCompose(found -> !found ? CompletableFuture.completedFuture(false)
        : unchanged(req, o, survivors, groupSize, local)).thenComposeAsync(found -> {
      if (!found) {
        return CompletableFuture.completedFuture(Counts.ZERO);
      }
      List<VersionRecord> recs = new EcShardRebuild(oid, o.getEcCell(), o.getShard() % groupSize, survivors)
          .records();
      survivors.clear();
      return write(ep, cont, o, recs, 0, Counts.ZERO, local);
    });
  }

  /**
   * Reads every survivor's history a second time and fails (DER_AGAIN, so that the rebuild is retried) when a
   * survivor's versions up to the newest epoch first read differ: an update of the group was still landing on the
   * survivors (a DTX being prepared or aborted) while they were read, and its epoch would be reconstructed from a mix
   * of old and new cells. Versions newer than that epoch are the writes the rebuilding shard receives itself.
   * Completes with false when a survivor's container is gone.
   */
  private CompletableFuture<Boolean> unchanged(ObjMigrateReq req, MigrateObj o,
      Map<Integer, List<VersionRecord>> first, int groupSize, LocalRebuild local) {
    long bound = first.values().stream().flatMap(List::stream).mapToLong(VersionRecord::epoch).max().orElse(0);
    long[] bytes = {0};
    CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
    for (EcSource src : o.getEcSrcsList()) {
      all = all.thenCompose(same -> !same ? CompletableFuture.completedFuture(false)
          : history(req, o, src, ByteString.EMPTY, new ArrayList<>(), bytes, local).thenApply(h -> {
            if (h == null) {
              return false;
            }
            if (!signature(h, bound).equals(signature(first.get(src.getShard() % groupSize), bound))) {
              throw new DaosException(DaosStatus.AGAIN, "EC rebuild of " + new ObjectId(o.getOidLo(),
                  o.getOidHi()) + " shard " + o.getShard() + ": surviving shard " + src.getShard()
                  + " changed at or below epoch " + bound + " while being read (a write still landing); retry");
            }
            bytes[0] = 0;
            return true;
          }));
    }
    return all;
  }

  /** Count, epochs and sizes of the versions at or below {@code bound}. */
  private static List<Long> signature(List<VersionRecord> h, long bound) {
    long n = 0;
    long epochs = 0;
    long size = 0;
    for (VersionRecord r : h) {
      if (r.epoch() <= bound) {
        n++;
        epochs += r.epoch();
        size += r.size() + r.start() * 31 + r.nr() + (r.hole() ? 7 : 0);
      }
    }
    return List.of(n, epochs, size);
  }

  /** Every version of survivor {@code src}; null when its target no longer has the container. */
  private CompletableFuture<List<VersionRecord>> history(ObjMigrateReq req, MigrateObj o, EcSource src,
      ByteString anchor, List<VersionRecord> sofar, long[] bytes, LocalRebuild local) {
    if (local.aborted) {
      return CompletableFuture.failedFuture(stopped(local));
    }
    return puller.enumerate(req, o, src.getRank(), src.getTgt(), src.getShard(), anchor).thenCompose(page -> {
      if (page == null) {
        return CompletableFuture.completedFuture(null);
      }
      for (VersionRecord r : HistoryCodec.decode(page.getRecordsList())) {
        sofar.add(r);
        bytes[0] += r.size();
      }
      if (bytes[0] > MAX_OBJECT_BYTES) {
        throw new DaosException(DaosStatus.NOMEM, "EC rebuild of " + new ObjectId(o.getOidLo(), o.getOidHi())
            + " shard " + o.getShard() + ": its surviving shards hold more than " + MAX_OBJECT_BYTES
            + " bytes of versions, more than one rebuild pull holds in memory");
      }
      if (page.getAnchor().isEmpty() || Anchor.fromBytes(page.getAnchor().toByteArray()).eof()) {
        return CompletableFuture.completedFuture(sofar);
      }
      return history(req, o, src, page.getAnchor(), sofar, bytes, local);
    });
  }

  /** Writes {@code recs} from {@code from} on, a page of data at a time, on the destination target's thread. */
  private CompletableFuture<Counts> write(EnginePool ep, UUID cont, MigrateObj o, List<VersionRecord> recs,
      int from, Counts sofar, LocalRebuild local) {
    if (from >= recs.size()) {
      return CompletableFuture.completedFuture(sofar);
    }
    int to = from;
    long n = 0;
    while (to < recs.size() && (to == from || n < MigratePuller.PAGE_BYTES)) {
      n += recs.get(to++).size();
    }
    List<VersionRecord> page = recs.subList(from, to);
    int next = to;
    return CompletableFuture.supplyAsync(() -> {
      if (local.aborted) {
        throw stopped(local);
      }
      return MigratePuller.apply(ep.container(o.getTgtIdx(), cont), ep, o, page);
    }, puller.executor(o.getTgtIdx())).thenCompose(durable -> durable).thenCompose(got -> {
      local.add(got);
      return write(ep, cont, o, recs, next, sofar.plus(got), local);
    });
  }

  private static DaosException stopped(LocalRebuild local) {
    return new DaosException(DaosStatus.OP_CANCELED, "rebuild of pool " + local.pool + " version "
        + local.version + " was stopped");
  }
}
