package io.daos.engine.vos;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The target's blob file (bdev tier stand-in): positional reads and writes, forced before metadata commits. */
final class BlobFile implements AutoCloseable {
  private final FileChannel ch;

  BlobFile(Path file) throws IOException {
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  void write(long off, byte[] data, int from, int len) {
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
