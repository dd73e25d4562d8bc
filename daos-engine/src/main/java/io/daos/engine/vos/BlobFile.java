package io.daos.engine.vos;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The target's blob file (bdev tier stand-in): positional reads and writes, forced before metadata commits.
 * <p>On tmpfs (SCM class {@code ram}, or a bdev file under {@code /dev/shm}) the file is grown 1 MiB at a time with
 * zeros ahead of the writes: a first write into a page tmpfs has never backed costs several times a write into a
 * present one, and one 1 MiB write backs 256 pages for less than 256 small writes would (the role of DAOS's
 * fallocate of its bdev file; fallocate itself does not back tmpfs pages). Elsewhere the file grows as written.
 */
final class BlobFile implements AutoCloseable {
  static final int GROW = 1 << 20;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(GROW).asReadOnlyBuffer();

  private final FileChannel ch;
  private final boolean growAhead;
  /** Bytes [0, grown) of the file exist; -1 until first needed. */
  private long grown = -1;

  BlobFile(Path file) throws IOException {
    this(file, onTmpfs(file));
  }

  /** {@code growAhead}: grow the file with zeros ahead of the writes (what tmpfs gets). */
  BlobFile(Path file, boolean growAhead) throws IOException {
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.growAhead = growAhead;
  }

  private static boolean onTmpfs(Path file) {
    try {
      return "tmpfs".equals(Files.getFileStore(file.getParent()).type());
    } catch (IOException e) {
      return false;
    }
  }

  /** Bytes in the file (written data and zeros grown ahead). */
  long size() throws IOException {
    return ch.size();
  }

  void write(long off, byte[] data, int from, int len) {
    if (growAhead) {
      growTo(off + len);
    }
    ByteBuffer b = ByteBuffer.wrap(data, from, len);
    try {
      long pos = off;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob write at " + off + ": " + e.getMessage(), e);
    }
  }

  void read(long off, byte[] dst, int to, int len) {
    read(off, ByteBuffer.wrap(dst, to, len));
  }

  /** Reads {@code len} bytes at {@code off} into {@code dst[to, to + len)} (a direct buffer: no staging copy). */
  void read(long off, ByteBuffer dst, int to, int len) {
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

  /** Appends zeros, {@link #GROW} bytes at a time, until the file holds at least {@code end} bytes. */
  private void growTo(long end) {
    try {
      if (grown < 0) {
        grown = ch.size();
      }
      while (grown < end) {
        ByteBuffer z = ZEROS.duplicate();
        long pos = grown;
        while (z.hasRemaining()) {
          pos += ch.write(z, pos);
        }
        grown = pos;
      }
    } catch (IOException e) {
      throw new DaosException(DaosStatus.NOSPACE, "blob cannot grow past " + grown + " bytes: " + e.getMessage(), e);
    }
  }

  /** Makes written data durable (fdatasync). */
  void force() {
    try {
      ch.force(false);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "blob sync: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
