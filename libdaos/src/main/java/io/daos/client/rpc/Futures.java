package io.daos.client.rpc;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The one bridge between the async code path and the blocking API: blocking = join of async. */
public final class Futures {
  private Futures() {
  }

  /**
   * Waits for {@code f}; its failure is rethrown as the {@link DaosException} it carries, created here so that its
   * stack trace is the caller's, with the failure from the I/O thread as its cause.
   */
  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaosException(DaosStatus.CANCELED, "interrupted while waiting for a DAOS operation", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause()).inCaller();
    } catch (CancellationException e) {
      throw new DaosException(DaosStatus.CANCELED, "operation canceled", e);
    }
  }

  /** The DaosException behind {@code t} (unwrapping completion wrappers), or DER_MISC around it. */
  public static DaosException unwrap(Throwable t) {
    Throwable c = io.daos.common.Futures.cause(t);
    if (c instanceof DaosException) {
      return (DaosException) c;
    }
    if (c instanceof IllegalArgumentException) {
      return new DaosException(DaosStatus.INVAL, c.getMessage(), c);
    }
    return new DaosException(DaosStatus.MISC, String.valueOf(c.getMessage()), c);
  }

  /** The DAOS status {@code t} failed with. */
  public static DaosStatus status(Throwable t) {
    return unwrap(t).status();
  }

  public static <T> CompletableFuture<T> failed(DaosStatus st, String msg) {
    return CompletableFuture.failedFuture(new DaosException(st, msg));
  }

  /** Runs {@code body} now; a synchronous throw becomes a failed future, so callers see one failure path. */
  public static <T> CompletableFuture<T> of(java.util.function.Supplier<CompletableFuture<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(unwrap(e));
    }
  }

  /** Completes when all complete; fails with the first failure (in list order) if any failed. */
  public static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> fs) {
    return CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0]))
        .handle((v, e) -> fs)
        .thenCompose(l -> {
          for (CompletableFuture<T> f : l) {
            if (f.isCompletedExceptionally()) {
              return f.thenApply(x -> List.<T>of());
            }
          }
          return CompletableFuture.completedFuture(l.stream().map(CompletableFuture::join).toList());
        });
  }
}
