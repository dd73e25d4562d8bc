package io.daos.engine.vos.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An SCM blob as a file mapped with the JDK ({@link MappedByteBuffer}s of up to 1 GiB each, {@link MappedChunks}),
 * where libpmem is not installed: writes copy into the mapping and {@link #force} is an {@code msync} of the range
 * written since the last one ({@link MappedByteBuffer#force(int, int)}). Unmapped at close, or once the last
 * {@link BlobView} of it is released, not when the garbage collector gets to it, so that a destroyed pool's space
 * returns to tmpfs at once. When the file grows, only the new bytes are mapped (as more buffers): the pages already
 * mapped stay so.
 */
public final class MappedBlob extends ScmBlob {
  private final FileChannel ch;
  private MappedChunks chunks;

  public MappedBlob(Path file) throws IOException {
    super(file);
    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    chunks = new MappedChunks(file, ch, FileChannel.MapMode.READ_WRITE);
    try {
      mapExisting();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  void map(long length) throws IOException {
    chunks.release();
    chunks = new MappedChunks(file, ch, FileChannel.MapMode.READ_WRITE);
    chunks.add(length);
  }

  /** Adds buffers for {@code [from, to)}; the buffers mapped so far stay. */
  @Override
  void mapGrown(long from, long to) throws IOException {
    chunks.add(to);
  }

  @Override
  void unmap() {
    chunks.release();
  }

  @Override
  void put(long off, ByteBuffer src) {
    long at = off;
    int from = src.position();
    int left = src.remaining();
    while (left > 0) {
      int k = chunks.index(at);
      MappedByteBuffer c = chunks.buf(k);
      int in = (int) (at - chunks.start(k));
      int n = Math.min(left, c.capacity() - in);
      c.put(in, src, from, n);
      at += n;
      from += n;
      left -= n;
    }
  }

  @Override
  void get(long off, ByteBuffer dst) {
    long at = off;
    int to = dst.position();
    int left = dst.remaining();
    while (left > 0) {
      int k = chunks.index(at);
      MappedByteBuffer c = chunks.buf(k);
      int in = (int) (at - chunks.start(k));
      int n = Math.min(left, c.capacity() - in);
      dst.put(to, c, in, n);
      at += n;
      to += n;
      left -= n;
    }
  }

  @Override
  BlobView mappedView(long off, int len) {
    return chunks.view(off, len);
  }

  @Override
  void sync(long from, long to) {
    for (long at = from; at < to; ) {
      int k = chunks.index(at);
      MappedByteBuffer c = chunks.buf(k);
      int in = (int) (at - chunks.start(k));
      int n = (int) Math.min(to - at, c.capacity() - in);
      c.force(in, n);
      at += n;
    }
  }

  @Override
  public String backend() {
    return "mapped file (MappedByteBuffer, msync at commit; libpmem not used)";
  }

  @Override
  void closeFile() throws IOException {
    ch.close();
  }
}
