package io.daos.engine.vos.blob;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A target's blob: the bytes of values at or above {@code data_thresh}, at offsets the {@link ExtentAllocator} hands
 * out. Written before the metadata transaction that points at them commits, and {@link #force forced} before that
 * commit, so that no acknowledged update can point at lost data. {@link BlobKind} picks the backend; VOS does not
 * care which. Not thread-safe (one target thread uses it, DESIGN D7).
 */
public interface Blob extends AutoCloseable {
  /**
   * Reserves the first {@code bytes} of the blob, as DAOS's pool create gives each target its whole share: writes
   * then land in space that exists, and a full file system fails the create ({@code -DER_NOSPACE}) instead of a
   * write later. Where the file system cannot reserve space the blob stays sparse.
   */
  void reserve(long bytes);

  /** {@link #reserve(long)}, writing the reserved pages once when {@code ramBacked} (tmpfs). */
  void reserve(long bytes, boolean ramBacked);

  void write(long off, byte[] data, int from, int len);

  /**
   * Writes the remaining bytes of {@code parts}, back to back, at {@code off} (the buffers are not moved). A backend
   * may issue the write as late as the next {@link #force} or read: the buffers must not change until then.
   */
  default void write(long off, ByteBuffer[] parts) {
    long at = off;
    for (ByteBuffer p : parts) {
      ByteBuffer b = p.duplicate();
      byte[] a = new byte[b.remaining()];
      b.get(a);
      write(at, a, 0, a.length);
      at += a.length;
    }
  }

  void read(long off, byte[] dst, int to, int len);

  /** Reads {@code len} bytes at {@code off} into {@code dst[to, to + len)} (absolute; dst is not moved). */
  void read(long off, ByteBuffer dst, int to, int len);

  /**
   * A read-only view of {@code [off, off + len)} in the blob's own memory (its mapping), instead of a copy: the caller
   * releases it once done ({@link BlobView#release}, from any thread), and until then the mapping stays. The bytes
   * are the blob's: they change if the range is written, so the caller keeps the range from reuse while it holds
   * the view ({@link BlobViews}, {@link ExtentAllocator#free}). Null where this backend or this range has no such
   * view (the caller then reads).
   */
  default BlobView view(long off, int len) {
    return null;
  }

  /** Makes what was written since the last force durable. */
  void force();

  /**
   * Drops writes not yet issued because the transaction that made them aborted (a backend that issues every write
   * at once has none).
   */
  default void discardPending() {
  }

  /** What stores the bytes and how they are made durable, in words (for logs and {@code docs/admin-guide.md}). */
  String backend();

  @Override
  void close() throws IOException;
}
