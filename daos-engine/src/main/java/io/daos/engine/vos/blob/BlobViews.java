package io.daos.engine.vos.blob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@link BlobView}s of one blob file not yet released, exactly: the allocator asks it whether a range it frees is
 * under one ({@link #overlaps}), and keeps such a range from reuse until they are released.
 * <p>Views are released on other threads (Netty's, once the reply is written; a client's, in process): a release
 * only queues the view. The target's thread (DESIGN D7), which alone reads and changes the set of views, takes the
 * queue in when it next asks ({@link #drain}). One tracker per blob file in the process ({@link #of}), kept past a
 * close while views of it are out, so that a store opened again on the same file in the meantime still sees them.
 */
public final class BlobViews {
  private static final ConcurrentHashMap<Path, BlobViews> OPEN = new ConcurrentHashMap<>();

  private final Path file;
  /** The views handed out and not drained as released (the target thread's). */
  private final List<BlobView> live = new ArrayList<>();
  private final Queue<BlobView> released = new ConcurrentLinkedQueue<>();
  private long given;
  private long drained;
  /** The store on the file is closed (views may still be out); no store uses the tracker any more. */
  private boolean closed;
  private boolean dead;

  private BlobViews(Path file) {
    this.file = file;
  }

  /** The tracker of {@code blobFile} for a store opening it: the one still holding views of it, if any, else new. */
  public static BlobViews of(Path blobFile) {
    Path key = blobFile.toAbsolutePath().normalize();
    return OPEN.compute(key, (k, old) -> old != null && old.reopen() ? old : new BlobViews(k));
  }

  private synchronized boolean reopen() {
    if (dead) {
      return false;
    }
    closed = false;
    return true;
  }

  /** Tracks {@code v}, just handed out (target thread). */
  public BlobView track(BlobView v) {
    v.owner(this);
    live.add(v);
    given++;
    return v;
  }

  /** {@code v} was released (any thread). */
  void released(BlobView v) {
    released.add(v);
    boolean gone = false;
    synchronized (this) {
      if (closed && !dead) {
        drain();
        gone = dead = live.isEmpty();
      }
    }
    if (gone) {
      OPEN.remove(file, this);
    }
  }

  /** Takes in the views released since the last call (target thread); returns {@link #drainedTotal()}. */
  public long drain() {
    for (BlobView v = released.poll(); v != null; v = released.poll()) {
      for (int i = live.size() - 1; i >= 0; i--) {
        if (live.get(i) == v) {
          live.remove(i);
          drained++;
          break;
        }
      }
    }
    return drained;
  }

  /** How many released views {@link #drain} has taken in so far: when it changes, held ranges may be free. */
  public long drainedTotal() {
    return drained;
  }

  /** Whether a view not yet released (as far as the target thread knows) overlaps {@code [off, off + len)}. */
  public boolean overlaps(long off, long len) {
    if (live.isEmpty()) {
      return false;
    }
    drain();
    for (BlobView v : live) {
      if (v.overlaps(off, len)) {
        return true;
      }
    }
    return false;
  }

  /** Views handed out and not released yet (target thread). */
  public int outstanding() {
    drain();
    return live.size();
  }

  /** Views handed out since the tracker was made (target thread): what fetches sent without a copy. */
  public long given() {
    return given;
  }

  /** The store closes: the tracker goes once no view of the file is out (else with the last release). */
  public void close() {
    boolean gone;
    synchronized (this) {
      closed = true;
      drain();
      gone = dead = live.isEmpty();
    }
    if (gone) {
      OPEN.remove(file, this);
    }
  }
}
