package io.daos.engine.vos.blob;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mapping of (part of) a blob file, held by the blob while it is the blob's mapping of that range and by each
 * {@link BlobView} of it: the last holder to let go unmaps it, on whichever thread that is. A view so stays
 * readable after the blob mapped the range again (it grew) or closed.
 */
final class Mapping {
  private static final Logger LOG = LoggerFactory.getLogger(Mapping.class);

  /** How a mapping is unmapped. */
  interface Unmapper {
    void unmap() throws Exception;
  }

  private final AtomicInteger holders = new AtomicInteger(1);
  private final Unmapper unmapper;
  private final String what;

  /** A mapping of {@code what} (for messages) the blob holds; {@code unmapper} unmaps it. */
  Mapping(String what, Unmapper unmapper) {
    this.what = what;
    this.unmapper = unmapper;
  }

  /** One more holder (a view); only while the blob still holds the mapping, so it cannot be unmapped yet. */
  void retain() {
    if (holders.getAndIncrement() <= 0) {
      holders.getAndDecrement();
      throw new IllegalStateException(what + " is unmapped");
    }
  }

  /** A holder lets go; the last one unmaps. */
  void release() {
    int left = holders.decrementAndGet();
    if (left == 0) {
      try {
        unmapper.unmap();
      } catch (Exception e) {
        LOG.warn("unmapping {}: {}", what, e.toString());
      }
    } else if (left < 0) {
      throw new IllegalStateException(what + " released more often than held");
    }
  }

  /** Holders now: the blob (while it holds it) and the views of it. */
  int holders() {
    return holders.get();
  }
}
