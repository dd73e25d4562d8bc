package io.daos.client.cont;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * Hands out OID lo values from ranges reserved with CONT_OID_ALLOC, {@code batch} at a time, as DFS reserves a
 * range per mount instead of one RPC per object.
 */
public final class OidAllocator {
  private final LongFunction<CompletableFuture<Long>> alloc;
  private final int batch;
  private long next;
  private long end;
  private CompletableFuture<Void> pending;

  public OidAllocator(LongFunction<CompletableFuture<Long>> alloc, int batch) {
    this.alloc = alloc;
    this.batch = batch;
  }

  /** The next unused lo value. */
  public CompletableFuture<Long> nextLo() {
    CompletableFuture<Void> wait;
    synchronized (this) {
      if (next < end) {
        return CompletableFuture.completedFuture(next++);
      }
      if (pending == null) {
        CompletableFuture<Void> p = new CompletableFuture<>();
        pending = p;
        wait = p;
        alloc.apply(batch).thenAccept(this::refill).whenComplete((v, e) -> {
          clearPending();
          if (e != null) {
            p.completeExceptionally(e);
          } else {
            p.complete(null);
          }
        });
      } else {
        wait = pending;
      }
    }
    return wait.thenCompose(v -> nextLo());
  }

  private synchronized void refill(long lo) {
    if (next >= end) {
      next = lo;
      end = lo + batch;
    }
  }

  private synchronized void clearPending() {
    pending = null;
  }
}
