package io.daos.engine.vos.blob;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.ffi.Preallocate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target's blob file (bdev tier stand-in, {@link BlobKind#FILE}): positional reads and writes through a
 * FileChannel, forced (fdatasync) before metadata commits.
 * <p>Writes from buffers ({@link #write(long, ByteBuffer[])}, the update path's request data) are gathered until the
 * next {@link #force}, read or array write, and back-to-back ones go out as one gathering write: a group commit of
 * 32 4 KiB updates costs a few system calls instead of 32. Their buffers must stay unchanged until then (VOS holds
 * a request's buffers until its write has committed). {@link #discardPending} drops them when the transaction that
 * wrote them aborts.
 * <p>{@link #view}s are slices of a read-only shared mapping of the same file ({@link MappedChunks}, mapped at the
 * first view and again as the file grows): on Linux the page cache is one, so the mapping sees the positional writes
 * as they are issued, and a fetch sends a value from the mapping without reading it into a buffer first.
 */
public final class BlobFile implements Blob {
  private static final Logger LOG = LoggerFactory.getLogger(BlobFile.class);

  private static final int TOUCH_CHUNK = 1 << 20;
  /** Gathered bytes that make a write go out at once (bounds what a batch of large writes holds back). */
  static final long MAX_PENDING_BYTES = 8L << 20;

  private final Path file;
  private final FileChannel ch;
  /** Runs of back-to-back writes not issued yet, in the order they were written. */
  private final List<Run> pending = new ArrayList<>();
  private long pendingBytes;
  /** The read-only mapping views are cut from. */
  private final MappedChunks mapped;

  /** Buffers written back to back from {@code off}. */
  private static final class Run {
    final long off;
    long end;
    final List<ByteBuffer> parts = new ArrayList<>(4);

    Run(long off) {
      this.off = off;
      this.end = off;
    }
  }

  public BlobFile(Path file) throws IOException {
    this.file = file;
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    mapped = new MappedChunks(file, ch, FileChannel.MapMode.READ_ONLY);
  }

  /**
   * Reserves the first {@code bytes} of the blob with fallocate, as DAOS's pool create gives each target a blob of
   * its full NVMe share: writes then land in blocks (on tmpfs: pages) that already exist, and a full file system
   * fails the pool create instead of a write later. A file system without fallocate leaves the blob sparse.
   */
  @Override
  public void reserve(long bytes) {
    reserve(bytes, onTmpfs(file));
  }

  @Override
  public void reserve(long bytes, boolean ramBacked) {
    if (preallocate(file, bytes) && ramBacked) {
      touch(bytes);
    }
  }

  /**
   * fallocate of the first {@code bytes} of {@code file}: true when reserved; false where the file system cannot
   * (the file stays as it is); {@code -DER_NOSPACE} where the space is not there, {@code -DER_NOMEM} or
   * {@code -DER_IO} where fallocate fails otherwise.
   */
  static boolean preallocate(Path file, long bytes) {
    Preallocate.Result r = Preallocate.reserve(file, bytes);
    if (r.ok()) {
      LOG.debug("blob {}: {} B reserved", file, bytes);
      return true;
    } else if (r.noSpace()) {
      throw new DaosException(DaosStatus.NOSPACE, "cannot reserve " + bytes + " B for the blob " + file
          + ": no space left on its file system; create a smaller pool or free space there");
    } else if (r.unsupported()) {
      LOG.debug("blob {}: the file system cannot reserve space (fallocate unsupported); it stays sparse", file);
      return false;
    }
    // Any other failure (ENOMEM, EIO, ...) refuses the growth: a sparse blob, once mapped, faults the engine (SIGBUS)
    // where the file system cannot back a page, instead of failing a call.
    throw new DaosException(r.errno() == Preallocate.ENOMEM ? DaosStatus.NOMEM : DaosStatus.IO, "cannot reserve " + bytes
        + " B for the blob " + file + ": fallocate failed with errno " + r.errno() + "; check the file system of "
        + file.getParent() + " (dmesg, df) and retry");
  }

  /**
   * On tmpfs the blob is RAM, and fallocate gives it pages that are allocated but not yet written: the first write
   * to each then pays for clearing it and, under a hypervisor, for the host backing it (7-12 µs per 4 KiB page
   * here, more than the rest of a 4 KiB update). Writing zeros once at create moves that cost out of the data path.
   */
  private void touch(long bytes) {
    ByteBuffer zeros = ByteBuffer.allocateDirect(TOUCH_CHUNK);
    try {
      for (long pos = 0; pos < bytes; pos += TOUCH_CHUNK) {
        zeros.clear().limit((int) Math.min(TOUCH_CHUNK, bytes - pos));
        long at = pos;
        while (zeros.hasRemaining()) {
          at += ch.write(zeros, at);
        }
      }
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob " + file + ": writing its reserved pages: " + e.getMessage(), e);
    }
  }

  static boolean onTmpfs(Path file) {
    try {
      return "tmpfs".equals(Files.getFileStore(file).type());
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes now (after what is gathered): the caller may reuse {@code data} once this returns. */
  @Override
  public void write(long off, byte[] data, int from, int len) {
    flush();
    ByteBuffer b = ByteBuffer.wrap(data, from, len);
    try {
      long pos = off;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
    } catch (IOException e) {
      throw writeError(off, e);
    }
  }

  /**
   * Gathers a write from the buffers themselves (direct ones go to the kernel without a staging copy); it is issued
   * at the next {@link #force}, read or array write, so the buffers must not change until then.
   */
  @Override
  public void write(long off, ByteBuffer[] parts) {
    Run run = pending.isEmpty() ? null : pending.get(pending.size() - 1);
    if (run == null || run.end != off) {
      run = new Run(off);
      pending.add(run);
    }
    for (ByteBuffer p : parts) {
      if (p.hasRemaining()) {
        run.parts.add(p.duplicate());
        run.end += p.remaining();
        pendingBytes += p.remaining();
      }
    }
    if (pendingBytes >= MAX_PENDING_BYTES) {
      flush();
    }
  }

  /** Issues the gathered writes, in order: one gathering write per run of back-to-back buffers. */
  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      for (Run r : pending) {
        ByteBuffer[] bufs = r.parts.toArray(new ByteBuffer[0]);
        if (bufs.length == 1) {
          long pos = r.off;
          while (bufs[0].hasRemaining()) {
            pos += ch.write(bufs[0], pos);
          }
          continue;
        }
        // FileChannel has no positional gathering write: position, then writev of the run's buffers.
        ch.position(r.off);
        long left = r.end - r.off;
        while (left > 0) {
          left -= ch.write(bufs);
        }
      }
    } catch (IOException e) {
      throw writeError(pending.get(0).off, e);
    } finally {
      pending.clear();
      pendingBytes = 0;
    }
  }

  /** Drops the gathered writes (their transaction aborted: nothing committed points at them). */
  @Override
  public void discardPending() {
    pending.clear();
    pendingBytes = 0;
  }

  private static DaosException writeError(long off, IOException e) {
    boolean full = e.getMessage() != null && e.getMessage().contains("No space left");
    return new DaosException(full ? DaosStatus.NOSPACE : DaosStatus.IO, "blob write at " + off + ": "
        + e.getMessage(), e);
  }

  @Override
  public void read(long off, byte[] dst, int to, int len) {
    read(off, ByteBuffer.wrap(dst, to, len));
  }

  /** Reads {@code len} bytes at {@code off} into {@code dst[to, to + len)} (a direct buffer: no staging copy). */
  @Override
  public void read(long off, ByteBuffer dst, int to, int len) {
    read(off, dst.slice(to, len));
  }

  private void read(long off, ByteBuffer b) {
    flush();
    try {
      long pos = off;
      while (b.hasRemaining()) {
        int n = ch.read(b, pos);
        if (n < 0) {
          throw new DaosException(DaosStatus.IO, "blob truncated at " + pos);
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob read at " + off + ": " + e.getMessage(), e);
    }
  }

  /**
   * A view of the file's bytes from its read-only mapping, mapped further first where the file grew past it (the
   * gathered writes are issued first, as for a read); null where the range is beyond the file, spans two 1 GiB
   * buffers of the mapping, or the file cannot be mapped (the caller then reads).
   */
  @Override
  public BlobView view(long off, int len) {
    flush();
    if (off < 0 || len <= 0) {
      return null;
    }
    try {
      if (off + len > mapped.end()) {
        long size = ch.size();
        if (off + len > size) {
          return null;
        }
        mapped.extend(size);
      }
    } catch (IOException e) {
      LOG.debug("blob {}: cannot map it for reading ({}); the value is read instead", file, e.toString());
      return null;
    }
    return mapped.view(off, len);
  }

  /** Makes written data durable (fdatasync). */
  @Override
  public void force() {
    flush();
    try {
      ch.force(false);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob sync: " + e.getMessage(), e);
    }
  }

  @Override
  public String backend() {
    return "file (positional writes, gathered per commit; fdatasync at commit)";
  }

  @Override
  public void close() throws IOException {
    discardPending();
    mapped.release();
    ch.close();
  }
}
