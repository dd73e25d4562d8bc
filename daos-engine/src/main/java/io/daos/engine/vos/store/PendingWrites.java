package io.daos.engine.vos.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lmdbjava.Txn;

/**
 * The writes queued on one {@link Store} and not yet committed (group commit). {@link #commit} runs them all in one
 * LMDB write transaction (a failing op is dropped and the rest replayed, so it leaves no trace and does not affect
 * the others), then forces the blob (data before metadata) and commits with one LMDB sync. Only then are the
 * futures completed, each with its own outcome, in submission order: acknowledged means durable.
 * <p>Single-threaded per D7: only the store's target thread submits and commits.
 */
public final class PendingWrites {
  /** Queued ops that trigger a commit at once, bounding a batch's memory and latency. */
  public static final int MAX_BATCH = 256;

  /** {@code update}: a write that may not take the SCM kept free for the others ({@link Store#sysReserve()}). */
  private record Entry(WriteOp op, CompletableFuture<Void> done, boolean update) {
  }

  /** {@link #attempt} found the batch's updates took the reserved SCM: replay it checking after each update. */
  private static final int OVER_RESERVE = -2;

  private final Store store;
  private List<Entry> queue = new ArrayList<>();
  private boolean closed;

  PendingWrites(Store store) {
    this.store = store;
  }

  /** Queues {@code op}, which may use the reserved SCM; the future completes after the commit that makes it durable. */
  public CompletableFuture<Void> submit(WriteOp op) {
    return submit(op, false);
  }

  /**
   * Queues {@code op}; the future completes after the commit that makes it durable. An {@code update} that would leave
   * the LMDB map less free than {@link Store#sysReserve()} fails with DER_NOSPACE instead (as DAOS's
   * {@code vos_space_hold}): punches, DTX state changes, container destroys and aggregation, which free space or
   * must not fail, can still run on a pool its updates filled.
   */
  public CompletableFuture<Void> submit(WriteOp op, boolean update) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(Errors.toDaos(new IllegalStateException("VOS pool is closed")));
      return done;
    }
    queue.add(new Entry(op, done, update));
    if (queue.size() == 1) {
      GroupCommit.markDirty(this);
    } else if (queue.size() >= MAX_BATCH) {
      commit();
    }
    return done;
  }

  public int size() {
    return queue.size();
  }

  /** Commits every queued op (one transaction, one sync) and completes their futures; returns how many. */
  public int commit() {
    if (queue.isEmpty()) {
      return 0;
    }
    List<Entry> batch = queue;
    queue = new ArrayList<>();
    Throwable[] errors = new Throwable[batch.size()];
    try {
      run(batch, errors);
    } catch (RuntimeException e) {
      Throwable failed = Errors.toDaos(e);
      for (int i = 0; i < errors.length; i++) {
        errors[i] = errors[i] == null ? failed : errors[i];
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      if (errors[i] == null) {
        batch.get(i).done().complete(null);
      } else {
        batch.get(i).done().completeExceptionally(errors[i]);
      }
    }
    return batch.size();
  }

  /**
   * Applies the batch in one transaction and commits it. When an op throws, the whole transaction is dropped, that
   * op alone is failed, and the batch is replayed without it: ops are deterministic, so the ops before it do the
   * same again and no failed op leaves a trace. A failure costs one in-memory replay, never an extra sync.
   */
  private void run(List<Entry> batch, Throwable[] errors) {
    List<Integer> live = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      live.add(i);
    }
    boolean eachUpdate = false;
    while (!live.isEmpty()) {
      int failed = attempt(batch, live, errors, eachUpdate);
      if (failed == -1) {
        return;
      }
      if (failed == OVER_RESERVE) {
        eachUpdate = true;
      } else {
        live.remove(failed);
      }
    }
  }

  /**
   * One pass over {@code live}: commits and returns -1, or returns the position in live of the op that threw (or of
   * the update that took the reserved SCM, when {@code eachUpdate}), or {@link #OVER_RESERVE} when the batch's
   * updates took the reserved SCM and it must be replayed with {@code eachUpdate} to find out which. Measuring the
   * map once per batch keeps the check off the path of a pool with space.
   */
  private int attempt(List<Entry> batch, List<Integer> live, Throwable[] errors, boolean eachUpdate) {
    Txn<ByteBuffer> txn = store.write();
    try {
      boolean updates = false;
      for (int k = 0; k < live.size(); k++) {
        int i = live.get(k);
        Entry en = batch.get(i);
        try {
          en.op().apply(txn);
        } catch (RuntimeException e) {
          errors[i] = Errors.toDaos(e);
          return k;
        }
        updates |= en.update();
        if (eachUpdate && en.update() && store.overReserve(txn)) {
          errors[i] = store.reserveFull();
          return k;
        }
      }
      if (updates && !eachUpdate && store.overReserve(txn)) {
        return OVER_RESERVE;
      }
      store.commit(txn);
      return -1;
    } finally {
      store.abort(txn);
    }
  }

  /** Commits what is queued, then refuses new writes. */
  void close() {
    try {
      commit();
    } finally {
      closed = true;
      GroupCommit.forget(this);
    }
  }
}
