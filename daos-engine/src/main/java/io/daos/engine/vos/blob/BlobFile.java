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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target's blob file (bdev tier stand-in, {@link BlobKind#FILE}): positional reads and writes through a
 * FileChannel, forced (fdatasync) before metadata commits.
 */
public final class BlobFile implements Blob {
  private static final Logger LOG = LoggerFactory.getLogger(BlobFile.class);

  private static final int TOUCH_CHUNK = 1 << 20;

  private final Path file;
  private final FileChannel ch;

  public BlobFile(Path file) throws IOException {
    this.file = file;
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
   * (the file stays as it is); {@code -DER_NOSPACE} where the space is not there.
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
    } else {
      LOG.warn("blob {}: fallocate of {} B failed with errno {}; the blob stays sparse", file, bytes, r.errno());
    }
    return false;
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

  @Override
  public void write(long off, byte[] data, int from, int len) {
    write(off, new ByteBuffer[] {ByteBuffer.wrap(data, from, len)});
  }

  /** Writes from the buffers themselves (direct ones go to the kernel without a staging copy). */
  @Override
  public void write(long off, ByteBuffer[] parts) {
    long pos = off;
    try {
      for (ByteBuffer p : parts) {
        ByteBuffer b = p.duplicate();
        while (b.hasRemaining()) {
          pos += ch.write(b, pos);
        }
      }
    } catch (IOException e) {
      boolean full = e.getMessage() != null && e.getMessage().contains("No space left");
      throw new DaosException(full ? DaosStatus.NOSPACE : DaosStatus.IO, "blob write at " + off + ": "
          + e.getMessage(), e);
    }
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

  /** Makes written data durable (fdatasync). */
  @Override
  public void force() {
    try {
      ch.force(false);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob sync: " + e.getMessage(), e);
    }
  }

  @Override
  public String backend() {
    return "file (positional writes, fdatasync at commit)";
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
