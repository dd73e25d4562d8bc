package io.daos.engine.rebuild;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.cart.CartClient;
import io.daos.cart.CartReplier;
import io.daos.cart.CartReply;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.Futures;
import io.daos.common.Ticker;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.vos.Anchor;
import io.daos.engine.vos.EnumPage;
import io.daos.engine.vos.VersionRecord;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.RebuildStatus;
import io.daos.proto.rebuild.ObjHistoryReply;
import io.daos.proto.rebuild.ObjHistoryReq;
import io.daos.proto.rebuild.ObjMigrateReply;
import io.daos.proto.rebuild.ObjMigrateReq;
import io.daos.proto.rebuild.RebuildReport;
import io.daos.proto.rebuild.RebuildReportReply;
import io.daos.proto.rebuild.RebuildScanReply;
import io.daos.proto.rebuild.RebuildScanReq;
import io.daos.placement.TargetState;
import io.daos.rpc.RebuildRpc;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine's rebuild service (DAOS {@code src/rebuild/srv.c}). As leader (on the pool service leader's engine),
 * {@link #start} broadcasts REBUILD_OBJECTS_SCAN to every engine with UPIN targets in the new map, collects their
 * REBUILD_REPORTs, keeps the {@code daos_rebuild_status} ({@link #status}) and calls the {@link RebuildListener}
 * when the version is rebuilt or failed. As any engine it serves the scan (see {@link RebuildScanner}), the
 * objects sent to it (DAOS_OBJ_RPC_MIGRATE, see {@link MigratePuller}) and the enumeration of its replicas for
 * other engines' pulls (DAOS_OBJ_RPC_ENUMERATE with the rebuild's container handle: rebuild needs no client
 * handle, as DAOS's rebuild uses its own pool and container handles).
 */
public final class Rebuilds {
  private static final Logger LOG = LoggerFactory.getLogger(Rebuilds.class);
  /** {@code RB_OP_REBUILD}. */
  public static final int RB_OP_REBUILD = 0;

  private final String name;
  private final PoolTargets pools;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final IntSupplier myRank;
  private final Duration rpcTimeout;
  private final Ticker ticker;
  private final RebuildScanner scanner;
  private final MigratePuller puller;
  /** Leader side: the latest rebuild of each pool this engine leads. */
  private final Map<UUID, RebuildTracker> led = new ConcurrentHashMap<>();
  /** Engine side: the container handle of the running rebuild of each pool (rt_coh_uuid). */
  private final Map<UUID, ByteString> rebuildHandles = new ConcurrentHashMap<>();
  private volatile RebuildListener listener;

  /**
   * {@code targetExecutor} gives each target's thread (DESIGN D7); {@code rankUri} an engine's CART-J URI;
   * {@code rpcTimeout} bounds one scan, report or enumeration RPC; a MIGRATE, answered once the pull is done, may
   * take {@code pullTimeout}.
   */
  public Rebuilds(String name, PoolTargets pools, IntFunction<Executor> targetExecutor, CartClient client,
      IntFunction<Optional<String>> rankUri, IntSupplier myRank, Duration rpcTimeout, Duration pullTimeout,
      Ticker ticker) {
    this.name = name;
    this.pools = pools;
    this.client = client;
    this.rankUri = rankUri;
    this.myRank = myRank;
    this.rpcTimeout = rpcTimeout;
    this.ticker = ticker;
    this.scanner = new RebuildScanner(name, pools, targetExecutor, client, rankUri, pullTimeout);
    this.puller = new MigratePuller(pools, targetExecutor, client, rankUri, rpcTimeout);
  }

  /** Who hears that a version is rebuilt or failed (the pool service's finish step). */
  public void listener(RebuildListener l) {
    this.listener = l;
  }

  /** Registers REBUILD_OBJECTS_SCAN, REBUILD_REPORT, DAOS_OBJ_RPC_MIGRATE and DAOS_OBJ_RPC_ENUMERATE. */
  public CartServer registerOn(CartServer server) {
    return server.register(RebuildRpc.OBJECTS_SCAN, this::onScan)
        .register(RebuildRpc.REPORT, this::onReport)
        .register(RebuildRpc.OBJ_MIGRATE, this::onMigrate)
        .register(RebuildRpc.OBJ_ENUMERATE, this::onEnumerate);
  }

  /**
   * Starts rebuilding {@code pool} for the change from {@code oldMap} to {@code newMap} (the pool service calls this
   * on its leader after an exclude; version = {@code newMap.getVersion()}). A rebuild of the pool still running is
   * superseded. The future completes with the final status (also given to the listener); a failed rebuild completes
   * it normally with {@code errno != 0}.
   */
  public CompletableFuture<RebuildStatus> start(UUID pool, PoolMap oldMap, PoolMap newMap) {
    int version = newMap.getVersion();
    if (version <= oldMap.getVersion()) {
      throw new DaosException(DaosStatus.INVAL, "rebuild needs a newer map: old version " + oldMap.getVersion()
          + ", new version " + version);
    }
    TreeSet<Integer> ranks = new TreeSet<>();
    for (PoolMapRank r : newMap.getRanksList()) {
      for (PoolMapTarget t : r.getTargetsList()) {
        if (RebuildMaps.state(t.getState()) == TargetState.UPIN) {
          ranks.add(r.getRank());
        }
      }
    }
    RebuildTracker tr = new RebuildTracker(pool, version, ranks, ticker);
    RebuildTracker prev = led.put(pool, tr);
    if (prev != null && prev.end(DaosStatus.CANCELED.code())) {
      finish(prev);
    }
    RebuildScanReq req = RebuildScanReq.newBuilder().setPoolUuid(Uuids.toByteString(pool))
        .setRebuildOp(RB_OP_REBUILD).setRebuildVer(version).setMasterRank(myRank.getAsInt()).setRebuildGen(1)
        .setOldMap(oldMap).setNewMap(newMap).setPoolHdl(Uuids.toByteString(UUID.randomUUID()))
        .setContHdl(Uuids.toByteString(UUID.randomUUID())).build();
    LOG.info("{}: rebuild of pool {} version {} starts on ranks {}", name, pool, version, ranks);
    for (int rank : ranks) {
      String uri = rankUri.apply(rank).orElse(null);
      if (uri == null) {
        fail(tr, DaosStatus.UNREACH.code(), "no address for rank " + rank);
        break;
      }
      client.callWrapped(uri, RebuildRpc.OBJECTS_SCAN, 0, version, req.toByteArray(), null, rpcTimeout)
          .whenComplete((reply, e) -> {
            int st = e != null ? RebuildTracker.code(Futures.cause(e)) : scanStatus(reply);
            if (st != 0) {
              fail(tr, st, "REBUILD_OBJECTS_SCAN to rank " + rank + " failed");
            }
          });
    }
    return tr.result;
  }

  /** The rebuild status of {@code pool} for pool query: NOT_STARTED, version 0, when this engine led none. */
  public RebuildStatus status(UUID pool) {
    RebuildTracker tr = led.get(pool);
    return tr == null ? RebuildStatus.newBuilder().setState(RebuildTracker.DRS_NOT_STARTED).build() : tr.status();
  }

  private static int scanStatus(CartReply reply) {
    try (reply) {
      if (reply.status() != 0) {
        return reply.status();
      }
      return RebuildScanReply.parseFrom(reply.bodyBytes()).getStatus();
    } catch (InvalidProtocolBufferException e) {
      return DaosStatus.PROTO.code();
    }
  }

  private void fail(RebuildTracker tr, int status, String why) {
    LOG.warn("{}: rebuild of pool {} version {} failed: {} ({})", name, tr.pool, tr.version, why,
        DaosStatus.fromCode(status));
    if (tr.end(status)) {
      finish(tr);
    }
  }

  private void finish(RebuildTracker tr) {
    RebuildStatus st = tr.status();
    LOG.info("{}: rebuild of pool {} version {} {}: {} objects, {} records", name, tr.pool, tr.version,
        tr.succeeded() ? "done" : "failed", st.getObjNr(), st.getRecNr());
    RebuildListener l = listener;
    if (l != null) {
      try {
        if (tr.succeeded()) {
          l.done(tr.pool, tr.version, st);
        } else {
          l.failed(tr.pool, tr.version, st);
        }
      } catch (RuntimeException e) {
        LOG.error("{}: rebuild listener failed", name, e);
      }
    }
    tr.result.complete(st);
  }

  private void onScan(CartRequest req, CartReplier reply) {
    RebuildScanReq r;
    try {
      r = RebuildScanReq.parseFrom(req.body().nioBuffer());
      Uuids.required(r.getPoolUuid(), "pool");
    } catch (InvalidProtocolBufferException | DaosException e) {
      int st = e instanceof DaosException de ? de.status().code() : DaosStatus.PROTO.code();
      reply.reply(st, 0, Unpooled.wrappedBuffer(RebuildScanReply.newBuilder().setStatus(st).build().toByteArray()),
          null);
      return;
    }
    UUID pool = Uuids.fromByteString(r.getPoolUuid());
    rebuildHandles.put(pool, r.getContHdl());
    reply.ok(0, RebuildScanReply.newBuilder().build().toByteArray());
    int me = myRank.getAsInt();
    CompletableFuture<RebuildScanner.Scanned> scan;
    try {
      scan = scanner.scan(r, me);
    } catch (DaosException e) {
      scan = CompletableFuture.failedFuture(e);
    }
    scan.whenComplete((s, e) -> {
      RebuildReport.Builder b = RebuildReport.newBuilder().setPoolUuid(r.getPoolUuid())
          .setRebuildVer(r.getRebuildVer()).setRebuildGen(r.getRebuildGen()).setRank(me);
      if (e != null) {
        Throwable c = Futures.cause(e);
        LOG.warn("{}: rebuild of pool {} version {} failed here: {}", name, pool, r.getRebuildVer(), c.toString());
        b.setStatus(RebuildTracker.code(c));
      } else {
        b.setScanDone(true).setPullDone(true).setToberbObjNr(s.toberb()).setObjNr(s.rebuilt().objs())
            .setRecNr(s.rebuilt().recs()).setSize(s.rebuilt().bytes());
      }
      report(r.getMasterRank(), b.build());
    });
  }

  private void report(int master, RebuildReport rep) {
    String uri = rankUri.apply(master).orElse(null);
    if (uri == null) {
      LOG.warn("{}: no address for rebuild leader rank {}; report dropped", name, master);
      return;
    }
    client.callWrapped(uri, RebuildRpc.REPORT, 0, rep.getRebuildVer(), rep.toByteArray(), null, rpcTimeout)
        .whenComplete((reply, e) -> {
          if (reply != null) {
            reply.close();
          }
          if (e != null) {
            LOG.warn("{}: rebuild report to rank {} failed: {}", name, master, Futures.cause(e).toString());
          }
        });
  }

  private void onReport(CartRequest req, CartReplier reply) {
    try {
      RebuildReport r = RebuildReport.parseFrom(req.body().nioBuffer());
      UUID pool = Uuids.required(r.getPoolUuid(), "pool");
      RebuildTracker tr = led.get(pool);
      if (tr != null && tr.version == r.getRebuildVer() && tr.report(r)) {
        finish(tr);
      }
      reply.ok(0, RebuildReportReply.newBuilder().build().toByteArray());
    } catch (InvalidProtocolBufferException | DaosException e) {
      reply.reply(DaosStatus.PROTO.code(), 0, null, null);
    }
  }

  private void onMigrate(CartRequest req, CartReplier reply) {
    ObjMigrateReq r;
    try {
      r = ObjMigrateReq.parseFrom(req.body().nioBuffer());
    } catch (InvalidProtocolBufferException e) {
      migrateReply(reply, DaosStatus.PROTO.code(), Counts.ZERO);
      return;
    }
    CompletableFuture<Counts> pulled;
    try {
      pulled = puller.pull(r);
    } catch (DaosException e) {
      pulled = CompletableFuture.failedFuture(e);
    }
    pulled.whenComplete((c, e) -> {
      if (e != null) {
        Throwable cause = Futures.cause(e);
        LOG.warn("{}: pulling {} objects for rebuild failed: {}", name, r.getObjsCount(), cause.toString());
        migrateReply(reply, RebuildTracker.code(cause), Counts.ZERO);
      } else {
        migrateReply(reply, 0, c);
      }
    });
  }

  private static void migrateReply(CartReplier reply, int st, Counts c) {
    reply.reply(st, 0, Unpooled.wrappedBuffer(ObjMigrateReply.newBuilder().setStatus(st).setObjNr(c.objs())
        .setRecNr(c.recs()).setSize(c.bytes()).build().toByteArray()), null);
  }

  /** DAOS_OBJ_RPC_ENUMERATE for a rebuild pull: runs on the replica's target thread (the frame's target). */
  private void onEnumerate(CartRequest req, CartReplier reply) {
    int st;
    try {
      ObjHistoryReq r = ObjHistoryReq.parseFrom(req.body().nioBuffer());
      UUID pool = Uuids.required(r.getPoolUuid(), "pool");
      UUID cont = Uuids.required(r.getContUuid(), "container");
      ByteString hdl = rebuildHandles.get(pool);
      if (hdl == null || !hdl.equals(r.getContHdl())) {
        throw new DaosException(DaosStatus.NO_HDL, "container handle is not the rebuild handle of pool " + pool
            + "; DAOS_OBJ_RPC_ENUMERATE of a whole object is for rebuild only");
      }
      EnginePool ep = pools.get(pool);
      if (ep == null) {
        throw new DaosException(DaosStatus.NONEXIST, "pool " + pool + " has no targets on this engine");
      }
      EnumPage<VersionRecord> page = ep.container(req.target(), cont).history(
          new VosObjectId(r.getOidHi(), r.getOidLo(), r.getShard()), Anchor.fromBytes(r.getAnchor().toByteArray()),
          Math.max(1, r.getMaxBytes()));
      ObjHistoryReply.Builder b = ObjHistoryReply.newBuilder()
          .setAnchor(ByteString.copyFrom(page.anchor().toBytes()));
      page.items().forEach(v -> b.addRecords(HistoryCodec.encode(v)));
      reply.ok(0, b.build().toByteArray());
      return;
    } catch (InvalidProtocolBufferException e) {
      st = DaosStatus.PROTO.code();
    } catch (DaosException e) {
      LOG.debug("{}: rebuild enumeration failed: {}", name, e.getMessage());
      st = e.status().code();
    }
    reply.reply(st, 0, Unpooled.wrappedBuffer(ObjHistoryReply.newBuilder().setStatus(st).build().toByteArray()),
        null);
  }
}
