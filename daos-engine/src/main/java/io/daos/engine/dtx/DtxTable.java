package io.daos.engine.dtx;

import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DTX tables of one container on one target (DAOS's active and committed DTX tables of {@code vos_cont_df}, and
 * the leader's committable cache): entries by id, the PREPARED ones by object for the read check, the leader's
 * committable ones in the order they became so, and a bounded committed history (DAOS aggregates committed entries;
 * here the oldest beyond {@link #COMMITTED_KEEP} are deleted). Loaded from VOS on first use; touched only on the
 * target's thread.
 */
final class DtxTable {
  /** Committed entries kept (for resend and DTX_CHECK answers) before the oldest are aggregated away. */
  static final int COMMITTED_KEEP = 4096;
  /** Aggregated ids held for deletion (see {@link #expire}) that make the next {@link #expire} ask for it at once. */
  static final int EXPIRED_MAX = 1024;

  final VosContainer cont;
  private final Map<DtxId, DtxEntry> entries = new HashMap<>();
  private final Map<VosObjectId, Set<DtxEntry>> prepared = new HashMap<>();
  final LinkedHashMap<DtxId, DtxEntry> committable = new LinkedHashMap<>();
  private final Deque<DtxId> committed = new ArrayDeque<>();
  /** Ids aggregated out of the history whose VOS records are still to be deleted. */
  private List<byte[]> expired = new ArrayList<>();

  DtxTable(VosContainer cont) {
    this.cont = cont;
    for (VosContainer.DtxRecord r : cont.dtxRecords()) {
      add(DtxEntry.decode(r));
    }
  }

  DtxEntry get(DtxId id) {
    return entries.get(id);
  }

  /** Adds an entry in its current state (PREPARED or COMMITTED). */
  void add(DtxEntry e) {
    entries.put(e.id, e);
    if (e.state == DtxEntry.State.PREPARED) {
      e.oids().forEach(o -> prepared.computeIfAbsent(o, k -> new LinkedHashSet<>()).add(e));
    } else if (e.state == DtxEntry.State.COMMITTED) {
      committed.addLast(e.id);
    }
  }

  /** The leader's entry became committable: its data is visible on the leader. */
  void markCommittable(DtxEntry e, long now) {
    unprepare(e);
    e.state = DtxEntry.State.COMMITTABLE;
    e.committableAt = now;
    committable.put(e.id, e);
  }

  /**
   * Marks {@code e} committed; returns the ids of committed entries now beyond {@link #COMMITTED_KEEP}, which the
   * caller deletes from VOS.
   */
  List<byte[]> markCommitted(DtxEntry e) {
    unprepare(e);
    committable.remove(e.id);
    // A solo DTX is added COMMITTED (add() queued it already): queued twice, each id was deleted twice and the
    // history kept half its entries.
    if (e.state != DtxEntry.State.COMMITTED) {
      committed.addLast(e.id);
    }
    e.state = DtxEntry.State.COMMITTED;
    e.committing = false;
    List<byte[]> old = new ArrayList<>();
    while (committed.size() > COMMITTED_KEEP) {
      DtxId gone = committed.removeFirst();
      entries.remove(gone);
      old.add(gone.toBytes());
    }
    return old;
  }

  /**
   * Holds the VOS records of aggregated ids (from {@link #markCommitted}) for deletion with the next write queued on
   * this container ({@link #takeExpired}), so that aggregating the history costs no group commit of its own; true
   * when {@link #EXPIRED_MAX} or more are held and the caller should delete them now.
   */
  boolean expire(List<byte[]> ids) {
    expired.addAll(ids);
    return expired.size() >= EXPIRED_MAX;
  }

  /** The held ids of {@link #expire}, now the caller's to delete; empty when none are held. */
  List<byte[]> takeExpired() {
    if (expired.isEmpty()) {
      return List.of();
    }
    List<byte[]> out = expired;
    expired = new ArrayList<>();
    return out;
  }

  void remove(DtxEntry e) {
    unprepare(e);
    committable.remove(e.id);
    entries.remove(e.id);
  }

  /** {@code e} also wrote shard {@code shard} of its object here. */
  void addShard(DtxEntry e, int shard) {
    e.moreShards.add(shard);
    if (e.state == DtxEntry.State.PREPARED) {
      prepared.computeIfAbsent(new VosObjectId(e.oid.hi(), e.oid.lo(), shard), k -> new LinkedHashSet<>()).add(e);
    }
  }

  /** Undoes {@link #addShard} (the shard's write failed). */
  void removeShard(DtxEntry e, int shard) {
    e.moreShards.remove(Integer.valueOf(shard));
    VosObjectId o = new VosObjectId(e.oid.hi(), e.oid.lo(), shard);
    Set<DtxEntry> s = prepared.get(o);
    if (s != null && s.remove(e) && s.isEmpty()) {
      prepared.remove(o);
    }
  }

  private void unprepare(DtxEntry e) {
    for (VosObjectId o : e.oids()) {
      Set<DtxEntry> s = prepared.get(o);
      if (s != null && s.remove(e) && s.isEmpty()) {
        prepared.remove(o);
      }
    }
  }

  /** PREPARED entries that touched {@code oid} (dkey hash {@code hash}, 0 = any) at or below {@code epoch}. */
  List<DtxEntry> preparedFor(VosObjectId oid, long hash, long epoch) {
    Set<DtxEntry> s = prepared.get(oid);
    if (s == null) {
      return List.of();
    }
    List<DtxEntry> out = new ArrayList<>();
    for (DtxEntry e : s) {
      if (e.touches(oid, hash) && Long.compareUnsigned(e.epoch, epoch) <= 0) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every PREPARED entry (DTX resync walks them). */
  List<DtxEntry> preparedAll() {
    List<DtxEntry> out = new ArrayList<>();
    prepared.values().forEach(out::addAll);
    return out;
  }

  /** Epochs of the PREPARED entries that wrote object shard {@code oid}, ascending (empty: none). */
  long[] preparedEpochs(VosObjectId oid) {
    Set<DtxEntry> s = prepared.get(oid);
    if (s == null) {
      return new long[0];
    }
    return s.stream().mapToLong(e -> e.epoch).sorted().toArray();
  }

  int committableCount() {
    return committable.size();
  }

  int committedCount() {
    return committed.size();
  }
}
