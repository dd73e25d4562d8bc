package io.daos.engine.vos.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Group commit of the calling thread's VOS writes (like DAOS's per-xstream {@code vos_tls}). Updates and punches
 * submitted with {@code VosContainer.submit*} queue on their pool; the target's xstream calls {@link #commitPending}
 * once it has drained its run queue, which commits each pool with queued writes in one LMDB transaction and one
 * sync and then completes the writes' futures.
 * <p>A thread that submits writes must call {@link #commitPending} (the engine's {@code TargetXstreams} does)
 * or use the synchronous {@code VosContainer} calls, which commit what is queued before they return.
 */
public final class GroupCommit {
  private static final ThreadLocal<Set<PendingWrites>> DIRTY = ThreadLocal.withInitial(LinkedHashSet::new);

  private GroupCommit() {
  }

  /** Commits every pool this thread has queued writes on; returns how many writes were completed. */
  public static int commitPending() {
    Set<PendingWrites> dirty = DIRTY.get();
    if (dirty.isEmpty()) {
      return 0;
    }
    List<PendingWrites> pools = new ArrayList<>(dirty);
    dirty.clear();
    int n = 0;
    for (PendingWrites p : pools) {
      n += p.commit();
    }
    return n;
  }

  /** Writes queued by this thread and not yet committed. */
  public static int pendingCount() {
    int n = 0;
    for (PendingWrites p : DIRTY.get()) {
      n += p.size();
    }
    return n;
  }

  static void markDirty(PendingWrites p) {
    DIRTY.get().add(p);
  }

  static void forget(PendingWrites p) {
    DIRTY.get().remove(p);
  }
}
