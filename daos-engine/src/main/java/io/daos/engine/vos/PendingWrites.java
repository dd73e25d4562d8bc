package io.daos.engine.vos;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lmdbjava.Txn;

/**
 * The writes queued on one {@link Store} and not yet committed (group commit). {@link #commit} runs them all in one
 * LMDB write transaction, each in its own nested transaction so that a failing op leaves no trace and does not
 * affect the others, then forces the blob (data before metadata) and commits with one LMDB sync. Only then are the
 * futures completed, each with its own outcome, in submission order: acknowledged means durable.
 * <p>Single-threaded per D7: only the store's target thread submits and commits.
 */
final class PendingWrites {
  /** Queued ops that trigger a commit at once, bounding a batch's memory and latency. */
  static final int MAX_BATCH = 256;

  private record Entry(WriteOp op, CompletableFuture<Void> done) {
  }

  private final Store store;
  private List<Entry> queue = new ArrayList<>();
  private boolean closed;

  PendingWrites(Store store) {
    this.store = store;
  }

  /** Queues {@code op}; the future completes after the commit that makes it durable. */
  CompletableFuture<Void> submit(WriteOp op) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(Errors.toDaos(new IllegalStateException("VOS pool is closed")));
      return done;
    }
    queue.add(new Entry(op, done));
    if (queue.size() == 1) {
      GroupCommit.markDirty(this);
    } else if (queue.size() >= MAX_BATCH) {
      commit();
    }
    return done;
  }

  int size() {
    return queue.size();
  }

  /** Commits every queued op (one transaction, one sync) and completes their futures; returns how many. */
  int commit() {
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
      java.util.Arrays.fill(errors, failed);
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

  private void run(List<Entry> batch, Throwable[] errors) {
    Txn<ByteBuffer> txn = store.write();
    try {
      if (batch.size() == 1) {
        batch.get(0).op().apply(txn);
      } else {
        for (int i = 0; i < batch.size(); i++) {
          errors[i] = applyNested(txn, batch.get(i).op());
        }
      }
      store.commit(txn);
    } finally {
      store.abort(txn);
    }
  }

  private Throwable applyNested(Txn<ByteBuffer> parent, WriteOp op) {
    Txn<ByteBuffer> child = store.nested(parent);
    try {
      op.apply(child);
      child.commit();
      return null;
    } catch (RuntimeException e) {
      return Errors.toDaos(e);
    } finally {
      child.close();
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
