package io.daos.engine.vos.blob;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A read-only window on {@code [offset, offset + length)} of a blob's own memory (its mapping), handed out instead of
 * a copy ({@link io.daos.engine.vos.store.Store#view}). Until {@link #release}, the mapping stays mapped and the
 * allocator keeps the range from being handed out again: an extent freed under a view waits ({@link ExtentAllocator})
 * so that its bytes cannot change while a reader still sends them. Release it exactly once, from any thread.
 */
public final class BlobView {
  private final long offset;
  private final ByteBuffer buffer;
  private final Mapping mapping;
  private final AtomicBoolean released = new AtomicBoolean();
  /** The tracker told of the release; set on the target thread before the view leaves it. */
  private BlobViews owner;

  /** A view of {@code buffer} (read-only, the mapping's memory), which is at {@code offset} of the blob. */
  BlobView(long offset, ByteBuffer buffer, Mapping mapping) {
    mapping.retain();
    this.offset = offset;
    this.buffer = buffer;
    this.mapping = mapping;
  }

  void owner(BlobViews o) {
    owner = o;
  }

  /** The blob offset of the first byte. */
  public long offset() {
    return offset;
  }

  public int length() {
    return buffer.capacity();
  }

  /** The bytes (read-only; positions 0 to {@link #length}); not to be used after {@link #release}. */
  public ByteBuffer buffer() {
    return buffer;
  }

  /** Whether {@code [off, off + len)} of the blob overlaps this view. */
  boolean overlaps(long off, long len) {
    return off < offset + buffer.capacity() && offset < off + len;
  }

  /** Ends the view: its range may be reused (by the target thread, once it sees this), its mapping unmapped. */
  public void release() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      if (owner != null) {
        owner.released(this);
      }
    } finally {
      mapping.release();
    }
  }
}
