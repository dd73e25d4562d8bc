package io.daos.engine.vos;

import io.daos.engine.vos.blob.BlobView;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * Buffers for {@link VosContainer#fetchInto} that also take values as views of the blob: a value of at least the
 * size the sink names that is one stored extent, wholly visible (one fragment, no holes), is handed over as a
 * {@link BlobView} of the blob's own memory instead of being copied into a buffer from {@link #apply}.
 */
public interface ViewSink extends IntFunction<ByteBuffer> {
  /** Whether a value of {@code len} bytes should come as a view when it can. */
  boolean viewable(int len);

  /**
   * Takes {@code v} (the sink releases it, once the bytes are used or the fetch failed); returns the buffer the
   * value's {@link FetchedValue#buffer()} is: {@code v.buffer()}.
   */
  ByteBuffer adopt(BlobView v);
}
