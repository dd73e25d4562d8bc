package io.daos.engine.dtx;

import com.google.protobuf.MessageLite;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.Futures;
import io.daos.common.Ticker;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.obj.DtxReply;
import io.daos.proto.obj.DtxReq;
import io.daos.proto.obj.ShardTgt;
import io.daos.rpc.DtxRpc;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's DTX logic (DAOS {@code dtx_common.c}, {@code dtx_rpc.c}): the leader executes a replicated
 * modification locally under its DTX and forwards it to the other shards with the same epoch and DTX id; it replies
 * success only when every shard succeeded (the DTX is then COMMITTABLE and its data visible on the leader) and
 * otherwise aborts the DTX on every shard. Committable DTXs are committed asynchronously in batches
 * ({@link #THRESHOLD_COUNT} of them, or the oldest {@link #COMMIT_THRESHOLD_AGE} old, or piggybacked on a later
 * forward to the same targets, {@link #PIGGYBACK_COUNT} at most). A non-leader whose read meets PREPARED data asks
 * the leader (DTX_REFRESH), or, when the leader cannot be reached, the other members (DTX_CHECK): all surviving
 * members PREPARED or any COMMITTED commits it, any member without it aborts it ({@link DtxResync}).
 * <p>Each container's table is touched only on its target's thread; RPC completions hop back there.
 */
public final class DtxService {
  private static final Logger LOG = LoggerFactory.getLogger(DtxService.class);
  /** DTX_THRESHOLD_COUNT: committable DTXs that trigger a batched commit. */
  public static final int THRESHOLD_COUNT = 512;
  /** DTX_COMMIT_THRESHOLD_AGE: a committable DTX this old triggers a batched commit. */
  public static final Duration COMMIT_THRESHOLD_AGE = Duration.ofSeconds(10);
  /** DTX_PIGGYBACK_COUNT: committable DTXs a forwarded modification carries at most (dti_cos). */
  public static final int PIGGYBACK_COUNT = 64;

  /** Where a container's DTX table lives. */
  record TableKey(UUID pool, int target, UUID cont) {
  }

  /** A forwarded request: opcode, body and (for updates) the value bytes. */
  public record Forward(Opcode opc, MessageLite body, ByteBuf bulk) {
  }

  /** What a replicated modification does on this shard, and what it sends to another shard. */
  public interface Modification {
    /** Executes locally, {@code rec} written in the same VOS transaction as the data. */
    CompletableFuture<Void> local(VosContainer.DtxRecord rec);

    /**
     * The request for shard {@code to}: this modification at {@code epoch} under {@code dti}, with {@code members}
     * (leader first) and the committed DTXs {@code cos} it carries.
     */
    Forward forward(ShardTgt to, long epoch, List<ShardTgt> members, List<io.daos.proto.obj.DtxId> cos);
  }

  /** The containers DTX RPCs name: null when this target has no such pool or container. */
  @FunctionalInterface
  public interface Containers {
    VosContainer find(UUID pool, int target, UUID cont);
  }

  /** Thrown by {@link #checkRead} when a read meets data of a DTX not resolved here yet. */
  public static final class Unresolved extends RuntimeException {
    final transient TableKey key;
    final transient List<DtxEntry> entries;

    private Unresolved(TableKey key, List<DtxEntry> entries) {
      super(entries.size() + " unresolved DTX(s), first " + entries.get(0), null, false, false);
      this.key = key;
      this.entries = entries;
    }
  }

  private final String name;
  private final DtxCalls calls;
  private final DtxResync resync;
  private final IntSupplier selfRank;
  private final Ticker ticker;
  private final IntFunction<Executor> targetExecutor;
  private final Map<TableKey, DtxTable> tables = new ConcurrentHashMap<>();
  private volatile Containers containers = (p, t, c) -> null;

  /**
   * DTX logic of engine {@code name} (rank {@code selfRank}), calling other engines through {@code client} at
   * {@code rankUri} with {@code timeout}, reading ages from {@code ticker}; {@code targetExecutor} gives each
   * target's thread.
   */
  public DtxService(String name, CartClient client, IntFunction<Optional<String>> rankUri, IntSupplier selfRank,
      Duration timeout, Ticker ticker, IntFunction<Executor> targetExecutor) {
    this.name = name;
    this.calls = new DtxCalls(client, rankUri, timeout);
    this.resync = new DtxResync(name, this, calls);
    this.selfRank = selfRank;
    this.ticker = ticker;
    this.targetExecutor = targetExecutor;
  }

  /** Where DTX RPCs find containers whose table is not loaded yet (after a restart). */
  public DtxService containers(Containers c) {
    containers = c;
    return this;
  }

  int rank() {
    return selfRank.getAsInt();
  }

  Executor executor(int target) {
    return targetExecutor.apply(target);
  }

  /** Runs {@code task} on {@code target}'s thread: at once if already there ({@link TargetXstreams#runOn}). */
  private void onTarget(int target, Runnable task) {
    io.daos.engine.pool.TargetXstreams.runOn(executor(target), task);
  }

  DtxTable table(UUID pool, int target, VosContainer c) {
    TableKey k = new TableKey(pool, target, c.uuid());
    DtxTable t = tables.get(k);
    if (t == null || t.cont != c) {
      t = new DtxTable(c);
      tables.put(k, t);
    }
    return t;
  }

  /**
   * Forgets every DTX of target {@code target} of {@code pool} (its containers were emptied by a discard, DTX records
   * included); call on the target's thread. A later use reloads the (now empty) tables from VOS.
   */
  public void forget(UUID pool, int target) {
    tables.keySet().removeIf(k -> k.pool().equals(pool) && k.target() == target);
  }

  /**
   * What aggregation of container {@code c} on target {@code target} must leave alone: for an object shard, the
   * epochs of the PREPARED DTXs that wrote it (an abort discards what they wrote and must find what lies under it).
   * A leader's COMMITTABLE entries are decided and need no protection. Call on the target's thread.
   */
  public io.daos.engine.vos.agg.Aggregation.Uncertain uncertain(UUID pool, int target, VosContainer c) {
    DtxTable t = table(pool, target, c);
    return t::preparedEpochs;
  }

  /** The table loaded for {@code k}, or null. */
  DtxTable loaded(TableKey k) {
    return tables.get(k);
  }

  /** Every loaded table. */
  Iterable<Map.Entry<TableKey, DtxTable>> tables() {
    return tables.entrySet();
  }

  /** The table of a container a DTX RPC names, or null when this target has no such pool or container open. */
  private DtxTable tableOf(UUID pool, int target, UUID cont) {
    DtxTable t = tables.get(new TableKey(pool, target, cont));
    if (t != null) {
      return t;
    }
    VosContainer c = containers.find(pool, target, cont);
    return c == null ? null : table(pool, target, c);
  }

  // ---------------------------------------------------------------------------------------------- leader

  /**
   * Leader side of {@code dti} on target {@code tgt} (shard {@code self}): executes {@code m} locally and on
   * {@code fwd}, the other shards. A resend of a DTX already executed here answers its outcome again without
   * executing twice. The future completes on the target's thread with the epoch, or fails with the first shard's error
   * once the DTX is aborted everywhere it may have written.
   */
  public CompletableFuture<Long> lead(UUID pool, int tgt, VosContainer c, DtxId dti, long epoch, VosObjectId oid,
      long dkeyHash, ShardTgt self, List<ShardTgt> fwd, Modification m) {
    DtxTable t = table(pool, tgt, c);
    DtxEntry known = t.get(dti);
    if (known != null) {
      return resent(known);
    }
    List<DtxEntry.Member> members = new ArrayList<>();
    members.add(DtxEntry.Member.of(self));
    fwd.forEach(s -> members.add(DtxEntry.Member.of(s)));
    boolean solo = fwd.isEmpty();
    DtxEntry e = new DtxEntry(dti, epoch, oid, dkeyHash, members, true,
        solo ? DtxEntry.State.COMMITTED : DtxEntry.State.PREPARED);
    CompletableFuture<Long> done = new CompletableFuture<>();
    e.inflight = done;
    t.add(e);
    deleteExpired(t);
    CompletableFuture<Void> local = m.local(e.record());
    if (solo) {
      local.whenComplete((v, err) -> onTarget(tgt, () -> settleSolo(t, e, err)));
      return done;
    }
    List<ShardTgt> all = members.stream().map(DtxEntry.Member::toProto).toList();
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    sent.add(local);
    List<DtxEntry> cos = piggyback(t, e);
    List<io.daos.proto.obj.DtxId> cosIds = cos.stream().map(x -> x.id.toProto()).toList();
    for (ShardTgt s : fwd) {
      Forward f = m.forward(s, epoch, all, cosIds);
      sent.add(calls.call(s.getRank(), s.getTgtIdx(), f.opc(), f.body(), f.bulk()).thenAccept(r -> r.close()));
    }
    DtxCalls.all(sent).whenComplete((v, err) -> onTarget(tgt, () -> settle(pool, tgt, t, e, cos, err)));
    return done;
  }

  private CompletableFuture<Long> resent(DtxEntry known) {
    if (known.inflight != null) {
      LOG.debug("{}: resent {} joins the execution in flight", name, known);
      return known.inflight;
    }
    if (known.state != DtxEntry.State.PREPARED) {
      LOG.debug("{}: resent {} already executed", name, known);
      return CompletableFuture.completedFuture(known.epoch);
    }
    return CompletableFuture.failedFuture(new DaosException(DaosStatus.INPROGRESS, known
        + " is being resolved; retry"));
  }

  private void settleSolo(DtxTable t, DtxEntry e, Throwable err) {
    CompletableFuture<Long> done = e.inflight;
    e.inflight = null;
    if (err != null) {
      t.remove(e);
      done.completeExceptionally(Futures.cause(err));
    } else {
      aggregate(t, t.markCommitted(e));
      done.complete(e.epoch);
    }
  }

  private void settle(UUID pool, int tgt, DtxTable t, DtxEntry e, List<DtxEntry> cos, Throwable err) {
    CompletableFuture<Long> done = e.inflight;
    e.inflight = null;
    if (err == null) {
      t.markCommittable(e, ticker.nanoTime());
      for (DtxEntry x : cos) {
        commitLocal(t, x);
      }
      done.complete(e.epoch);
      if (t.committableCount() >= THRESHOLD_COUNT) {
        commitBatch(pool, tgt, t);
      }
      return;
    }
    cos.forEach(x -> x.committing = false);
    DaosException de = DtxCalls.asDaos(err);
    LOG.info("{}: {} failed on a shard ({}); aborting it everywhere", name, e, de.status().symbol());
    abortLocal(t, e).whenComplete((v, x) -> done.completeExceptionally(de));
    DtxReq req = DtxCalls.req(pool, t.cont.uuid(), e.epoch, List.of(e.id));
    for (DtxEntry.Member mb : e.others()) {
      calls.call(mb.rank(), mb.target(), DtxRpc.ABORT, req, null).whenComplete((r, x) -> {
        if (r != null) {
          r.close();
        } else {
          LOG.warn("{}: DTX_ABORT of {} to rank {} target {} failed: {}", name, e.id, mb.rank(), mb.target(),
              Futures.cause(x).toString());
        }
      });
    }
  }

  /**
   * Committable DTXs of {@code t} on {@code e}'s object and dkey (DAOS dtx_cos_get_piggyback), whose other members
   * all are among {@code e}'s, to commit on the way.
   */
  private static List<DtxEntry> piggyback(DtxTable t, DtxEntry e) {
    List<DtxEntry> out = new ArrayList<>();
    for (DtxEntry x : t.committable.values()) {
      if (out.size() >= PIGGYBACK_COUNT) {
        break;
      }
      if (!x.committing && x.oid.equals(e.oid) && x.dkeyHash == e.dkeyHash && sameTargets(x.others(), e.others())) {
        x.committing = true;
        out.add(x);
      }
    }
    return out;
  }

  private static boolean sameTargets(List<DtxEntry.Member> a, List<DtxEntry.Member> b) {
    for (DtxEntry.Member m : a) {
      if (b.stream().noneMatch(o -> o.rank() == m.rank() && o.target() == m.target())) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------- non-leader

  /**
   * Non-leader side (OBJ_TGT_UPDATE / TGT_PUNCH*): commits the piggybacked {@code cos} first, then executes locally
   * under {@code dti} as PREPARED. A resend of a DTX already prepared here succeeds without executing twice.
   */
  public CompletableFuture<Long> prepare(UUID pool, int tgt, VosContainer c, DtxId dti, long epoch, VosObjectId oid,
      long dkeyHash, List<ShardTgt> members, List<io.daos.proto.obj.DtxId> cos,
      Function<VosContainer.DtxRecord, CompletableFuture<Void>> local) {
    DtxTable t = table(pool, tgt, c);
    for (io.daos.proto.obj.DtxId p : cos) {
      DtxEntry x = t.get(DtxId.of(p));
      if (x != null && x.state == DtxEntry.State.PREPARED) {
        commitLocal(t, x);
      }
    }
    DtxEntry known = t.get(dti);
    if (known != null && !known.holds(oid) && known.oid.hi() == oid.hi() && known.oid.lo() == oid.lo()
        && known.epoch == epoch && known.state != DtxEntry.State.COMMITTED) {
      return addShard(tgt, t, known, oid.shard(), local);
    }
    if (known != null) {
      return CompletableFuture.completedFuture(known.epoch);
    }
    if (members.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "a forwarded modification needs its DTX members (shard_tgts)");
    }
    DtxEntry e = new DtxEntry(dti, epoch, oid, dkeyHash, members.stream().map(DtxEntry.Member::of).toList(), false,
        DtxEntry.State.PREPARED);
    t.add(e);
    deleteExpired(t);
    CompletableFuture<Long> done = new CompletableFuture<>();
    local.apply(e.record()).whenComplete((v, err) -> onTarget(tgt, () -> {
      if (err != null) {
        t.remove(e);
        done.completeExceptionally(Futures.cause(err));
      } else {
        done.complete(epoch);
      }
    }));
    return done;
  }

  /**
   * A second shard of {@code e}'s object on this target (its new home during a map change is where another shard
   * of the group lives): executed under the same DTX, whose record then lists both shards, so that commit, abort and
   * reads treat them alike.
   */
  private CompletableFuture<Long> addShard(int tgt, DtxTable t, DtxEntry e, int shard,
      Function<VosContainer.DtxRecord, CompletableFuture<Void>> local) {
    t.addShard(e, shard);
    CompletableFuture<Long> done = new CompletableFuture<>();
    local.apply(e.record()).whenComplete((v, err) -> onTarget(tgt, () -> {
      if (err != null) {
        t.removeShard(e, shard);
        done.completeExceptionally(Futures.cause(err));
      } else {
        done.complete(e.epoch);
      }
    }));
    return done;
  }

  // ---------------------------------------------------------------------------------------------- reads

  /**
   * Before a read of {@code oid} (dkey hash {@code hash}, 0 = any dkey) at {@code epoch}: throws {@link Unresolved}
   * when it would meet data of PREPARED DTXs, DER_INPROGRESS when this target leads one still executing.
   */
  public void checkRead(UUID pool, int tgt, VosContainer c, VosObjectId oid, long hash, long epoch) {
    TableKey k = new TableKey(pool, tgt, c.uuid());
    DtxTable t = tables.get(k);
    if (t == null) {
      t = table(pool, tgt, c);
    }
    List<DtxEntry> found = t.preparedFor(oid, hash, epoch);
    if (found.isEmpty()) {
      return;
    }
    for (DtxEntry e : found) {
      if (e.inflight != null) {
        throw new DaosException(DaosStatus.INPROGRESS, e + " is still executing; retry");
      }
    }
    throw new Unresolved(k, found);
  }

  /**
   * Resolves what {@link #checkRead} found: asks each DTX's leader (DTX_REFRESH), or the other members when the
   * leader cannot answer (DTX_CHECK), and commits or aborts here. Completes on the target's thread once the outcome
   * is durable; DTXs still in progress stay PREPARED.
   */
  public CompletableFuture<Void> resolve(Unresolved u) {
    return resync.resolve(u);
  }

  /**
   * DTX resync after a pool map change (DAOS {@code dtx_resync}): resolves every PREPARED DTX held here whose
   * leader's target is DOWN or DOWNOUT in {@code map}; the future gives how many, and never fails.
   */
  public CompletableFuture<Integer> resync(UUID pool, io.daos.proto.pool.PoolMap map) {
    return resync.resync(pool, map);
  }

  // ---------------------------------------------------------------------------------------------- commit

  /** Commits {@code e} here (state COMMITTED, persisted); completes once durable. */
  CompletableFuture<Void> commitLocal(DtxTable t, DtxEntry e) {
    List<byte[]> old = t.markCommitted(e);
    CompletableFuture<Void> f = t.cont.submitDtxPut(e.record());
    aggregate(t, old);
    return f;
  }

  /** Aborts {@code e} here: its data is discarded and its entry removed; completes once durable. */
  CompletableFuture<Void> abortLocal(DtxTable t, DtxEntry e) {
    t.remove(e);
    return t.cont.submitDtxAbort(e.id.toBytes(), e.oids(), e.epoch);
  }

  /**
   * Aggregates ids out of the committed history: their VOS records are deleted with the next modification queued on
   * the container ({@link #deleteExpired}), or now once {@link DtxTable#EXPIRED_MAX} are held. Deleting them from the
   * completion of the commit that made the history grow queued a second group commit (and sync) per batch of puts.
   */
  private static void aggregate(DtxTable t, List<byte[]> old) {
    if (!old.isEmpty() && t.expire(old)) {
      deleteExpired(t);
    }
  }

  /** Queues the deletion of the VOS records {@link #aggregate} holds for {@code t} (before a modification). */
  private static void deleteExpired(DtxTable t) {
    List<byte[]> ids = t.takeExpired();
    if (!ids.isEmpty()) {
      t.cont.submitDtxDelete(ids);
    }
  }

  /**
   * The batched commit of a leader's committable DTXs of one container (dtx_batched_commit): DTX_COMMIT to every
   * other target involved, then COMMITTED here. DTXs whose commit RPC failed stay committable for the next batch.
   */
  void commitBatch(UUID pool, int tgt, DtxTable t) {
    List<DtxEntry> batch = new ArrayList<>();
    for (DtxEntry e : t.committable.values()) {
      if (!e.committing) {
        e.committing = true;
        batch.add(e);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    Map<DtxEntry.Member, List<DtxEntry>> byTarget = new LinkedHashMap<>();
    for (DtxEntry e : batch) {
      for (DtxEntry.Member m : e.others()) {
        byTarget.computeIfAbsent(new DtxEntry.Member(m.rank(), m.target(), 0), x -> new ArrayList<>()).add(e);
      }
    }
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (Map.Entry<DtxEntry.Member, List<DtxEntry>> x : byTarget.entrySet()) {
      DtxReq req = DtxCalls.req(pool, t.cont.uuid(), 0, x.getValue().stream().map(e -> e.id).toList());
      sent.add(calls.call(x.getKey().rank(), x.getKey().target(), DtxRpc.COMMIT, req, null).thenAccept(CartReply::close));
    }
    LOG.debug("{}: committing {} DTXs on {} targets", name, batch.size(), byTarget.size());
    DtxCalls.all(sent).whenComplete((v, err) -> executor(tgt).execute(() -> {
      for (DtxEntry e : batch) {
        if (err == null && t.get(e.id) == e) {
          commitLocal(t, e);
        } else {
          e.committing = false;
        }
      }
      if (err != null) {
        LOG.warn("{}: batched commit of {} DTXs failed, retried later: {}", name, batch.size(),
            Futures.cause(err).toString());
      }
    }));
  }

  /**
   * The age check of the batched commit: every table whose oldest committable DTX is at least
   * {@link #COMMIT_THRESHOLD_AGE} old (by the ticker) commits its batch. Runs the checks on the targets' threads.
   */
  public void tick() {
    long now = ticker.nanoTime();
    for (Map.Entry<TableKey, DtxTable> x : tables.entrySet()) {
      TableKey k = x.getKey();
      DtxTable t = x.getValue();
      executor(k.target()).execute(() -> {
        DtxEntry oldest = t.committable.values().stream().filter(e -> !e.committing).findFirst().orElse(null);
        if (oldest != null && now - oldest.committableAt >= COMMIT_THRESHOLD_AGE.toNanos()) {
          commitBatch(k.pool(), k.target(), t);
        }
      });
    }
  }

  // ---------------------------------------------------------------------------------------------- handlers side

  /** DTX_COMMIT / ABORT / CHECK / REFRESH on target {@code tgt}: one state per DTX for CHECK and REFRESH. */
  CompletableFuture<DtxReply> handle(int op, int tgt, DtxReq r) {
    UUID pool = Uuids.required(r.getPoolUuid(), "pool");
    UUID cont = Uuids.required(r.getContUuid(), "container");
    DtxTable t = tableOf(pool, tgt, cont);
    DtxReply.Builder b = DtxReply.newBuilder();
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (io.daos.proto.obj.DtxId p : r.getDtxArrayList()) {
      DtxEntry e = t == null ? null : t.get(DtxId.of(p));
      switch (op) {
        case DtxRpc.OP_COMMIT -> {
          if (e != null && e.state != DtxEntry.State.COMMITTED) {
            writes.add(commitLocal(t, e));
          }
        }
        case DtxRpc.OP_ABORT -> {
          if (e != null && e.state == DtxEntry.State.PREPARED) {
            writes.add(abortLocal(t, e));
          }
        }
        default -> b.addSubStates(stateOf(e, op == DtxRpc.OP_REFRESH));
      }
    }
    return DtxCalls.all(writes).thenApply(l -> b.build());
  }

  private static io.daos.proto.obj.DtxState stateOf(DtxEntry e, boolean refresh) {
    if (e == null) {
      return io.daos.proto.obj.DtxState.DTX_ST_UNKNOWN;
    }
    return switch (e.state) {
      case COMMITTED -> io.daos.proto.obj.DtxState.DTX_ST_COMMITTED;
      case COMMITTABLE -> io.daos.proto.obj.DtxState.DTX_ST_COMMITTABLE;
      case PREPARED -> io.daos.proto.obj.DtxState.DTX_ST_PREPARED;
    };
  }

}
