package io.daos.engine.vos.blob;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A blob on the SCM mount, mapped whole into memory: a write is a copy into the mapping, a read a copy out of it,
 * and {@link #force} makes the written range durable the way the backend's memory needs ({@link PmemBlob},
 * {@link MappedBlob}). A write beyond the mapping first extends the file (fallocate, so that a full file system is
 * {@code -DER_NOSPACE} and never a SIGBUS on a page that cannot be backed) and maps it again; pools reserve their
 * blob at create, so that happens only to pools created without a reservation.
 */
abstract sealed class ScmBlob implements Blob permits PmemBlob, MappedBlob {
  /** Least growth of an unreserved blob, and the most it grows by at once beyond what a write needs. */
  static final long GROW_MIN = 1L << 20;
  static final long GROW_MAX = 64L << 20;
  private static final int TOUCH_CHUNK = 1 << 20;

  final Path file;
  /** Bytes mapped: the file's size when it was last mapped (0: an empty file, nothing mapped). */
  private long mapped;
  /** The range written since the last force ({@code dirtyFrom > dirtyTo}: none). */
  private long dirtyFrom = Long.MAX_VALUE;
  private long dirtyTo;
  private boolean closed;

  ScmBlob(Path file) throws IOException {
    this.file = file;
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
  }

  /** Maps the existing file; called from subclass constructors once their fields are set. */
  final void mapExisting() throws IOException {
    long size = Files.size(file);
    if (size > 0) {
      map(size);
      mapped = size;
    }
  }

  /** Maps the first {@code length} bytes of the file (its whole size). */
  abstract void map(long length) throws IOException;

  /** Lets go of what {@link #map} mapped: unmapped now, or when the last {@link BlobView} of it is released. */
  abstract void unmap() throws IOException;

  /**
   * Maps the file after it grew from {@code from} to {@code to} bytes (the first {@code from} are mapped). By default
   * everything is mapped again; a backend that can keep what is mapped maps only the new bytes, so that the pages
   * already touched through the mapping do not fault again (on a VM, each fault of a 4 KiB page costs about 10 µs).
   */
  void mapGrown(long from, long to) throws IOException {
    unmap();
    map(to);
  }

  /** Copies {@code src}'s remaining bytes (heap or direct; it is not moved) into the mapping at {@code off} (inside it). */
  abstract void put(long off, ByteBuffer src);

  /** Copies {@code dst.remaining()} bytes at {@code off} into {@code dst} from its position (inside the mapping). */
  abstract void get(long off, ByteBuffer dst);

  /** A view of {@code [off, off + len)} (inside the mapping), or null where the backend cannot give that range. */
  abstract BlobView mappedView(long off, int len);

  /** Makes {@code [from, to)} durable. */
  abstract void sync(long from, long to) throws IOException;

  /** Closes what the backend holds open besides the mapping (after {@link #unmap}). */
  void closeFile() throws IOException {
  }

  @Override
  public final void reserve(long bytes) {
    reserve(bytes, BlobFile.onTmpfs(file));
  }

  @Override
  public final void reserve(long bytes, boolean ramBacked) {
    open();
    extend(bytes);
    if (ramBacked) {
      byte[] zeros = new byte[TOUCH_CHUNK];
      for (long pos = 0; pos < bytes; pos += TOUCH_CHUNK) {
        put(pos, ByteBuffer.wrap(zeros, 0, (int) Math.min(TOUCH_CHUNK, bytes - pos)));
      }
    }
  }

  @Override
  public final void write(long off, byte[] data, int from, int len) {
    write(off, new ByteBuffer[] {ByteBuffer.wrap(data, from, len)});
  }

  /** Copies each part straight from its buffer (a request's bulk) into the mapping: no staging copy. */
  @Override
  public final void write(long off, ByteBuffer[] parts) {
    long len = 0;
    for (ByteBuffer p : parts) {
      len += p.remaining();
    }
    open();
    if (off + len > mapped) {
      grow(off + len);
    }
    long at = off;
    for (ByteBuffer p : parts) {
      put(at, p);
      at += p.remaining();
    }
    dirtyFrom = Math.min(dirtyFrom, off);
    dirtyTo = Math.max(dirtyTo, off + len);
  }

  @Override
  public final void read(long off, byte[] dst, int to, int len) {
    read(off, ByteBuffer.wrap(dst), to, len);
  }

  @Override
  public final void read(long off, ByteBuffer dst, int to, int len) {
    open();
    if (off < 0 || off + len > mapped) {
      throw new DaosException(DaosStatus.IO, "blob " + file + " truncated: read of [" + off + ", +" + len
          + ") beyond its " + mapped + " B");
    }
    get(off, dst.duplicate().limit(to + len).position(to));
  }

  /** A view of the mapping itself: a read straight from the SCM mapping, no copy. */
  @Override
  public final BlobView view(long off, int len) {
    open();
    if (off < 0 || len <= 0 || off + len > mapped) {
      return null;
    }
    return mappedView(off, len);
  }

  @Override
  public final void force() {
    if (dirtyFrom >= dirtyTo) {
      return;
    }
    open();
    try {
      sync(dirtyFrom, dirtyTo);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob " + file + " sync: " + e.getMessage(), e);
    }
    dirtyFrom = Long.MAX_VALUE;
    dirtyTo = 0;
  }

  /**
   * Grows an unreserved blob to hold {@code need} bytes: by a step (the mapping's size, between {@link #GROW_MIN} and
   * {@link #GROW_MAX}) so that a stream of writes does not remap at each, or by just what is needed where the file
   * system has no room for the step.
   */
  private void grow(long need) {
    long step = roundUp(Math.max(need, mapped + Math.min(Math.max(mapped, GROW_MIN), GROW_MAX)), GROW_MIN);
    try {
      extend(step);
    } catch (DaosException e) {
      long exact = roundUp(need, ExtentAllocator.BLOCK);
      if (e.status() != DaosStatus.NOSPACE || exact >= step) {
        throw e;
      }
      extend(exact);
    }
  }

  private static long roundUp(long v, long unit) {
    return (v + unit - 1) / unit * unit;
  }

  /** Grows the file to at least {@code bytes} (reserved where the file system can) and maps all of it. */
  private void extend(long bytes) {
    try {
      if (!BlobFile.preallocate(file, bytes) && Files.size(file) < bytes) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
          raf.setLength(bytes);
        }
      }
      long size = Files.size(file);
      if (size == mapped) {
        return;
      }
      force();
      long was = mapped;
      mapped = 0;
      if (was > 0) {
        mapGrown(was, size);
      } else {
        map(size);
      }
      mapped = size;
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob " + file + ": cannot extend it to " + bytes + " B and map it: "
          + e.getMessage(), e);
    }
  }

  private void open() {
    if (closed) {
      throw new DaosException(DaosStatus.IO, "blob " + file + " is closed");
    }
  }

  /**
   * Makes the last writes durable, then lets go of the mapping (unmapped now, or when the last view of it is
   * released); no access through the blob can follow. Idempotent.
   */
  @Override
  public final void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      force();
    } finally {
      closed = true;
      try {
        if (mapped > 0) {
          unmap();
        }
      } finally {
        closeFile();
      }
    }
  }
}
