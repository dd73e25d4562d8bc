package io.daos.engine.vos.blob;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An SCM blob as a file mapped with the JDK ({@link MappedByteBuffer}s of up to 1 GiB each), where libpmem is not
 * installed: writes copy into the mapping and {@link #force} is an {@code msync} of the range written since the
 * last one ({@link MappedByteBuffer#force(int, int)}). Unmapped at close, not when the garbage collector gets to it,
 * so that a destroyed pool's space returns to tmpfs at once. When the file grows, only the new bytes are mapped (as
 * more buffers): the pages already mapped stay so.
 */
public final class MappedBlob extends ScmBlob {
  static final long CHUNK = 1L << 30;
  private static final Method INVOKE_CLEANER;
  private static final Object UNSAFE;

  static {
    Method m = null;
    Object u = null;
    try {
      Class<?> c = Class.forName("sun.misc.Unsafe");
      java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      u = f.get(null);
      m = c.getMethod("invokeCleaner", ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      m = null; // the mapping then goes when the buffer is collected
    }
    INVOKE_CLEANER = m;
    UNSAFE = u;
  }

  private final FileChannel ch;
  private MappedByteBuffer[] chunks = new MappedByteBuffer[0];
  /** The file offset each chunk maps from, ascending. */
  private long[] starts = new long[0];

  public MappedBlob(Path file) throws IOException {
    super(file);
    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      mapExisting();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  void map(long length) throws IOException {
    chunks = new MappedByteBuffer[0];
    starts = new long[0];
    mapGrown(0, length);
  }

  /** Adds chunks for {@code [from, to)}; the chunks mapped so far stay. */
  @Override
  void mapGrown(long from, long to) throws IOException {
    int n = (int) ((to - from + CHUNK - 1) / CHUNK);
    MappedByteBuffer[] c = java.util.Arrays.copyOf(chunks, chunks.length + n);
    long[] s = java.util.Arrays.copyOf(starts, starts.length + n);
    for (int i = 0; i < n; i++) {
      long at = from + i * CHUNK;
      s[chunks.length + i] = at;
      c[chunks.length + i] = ch.map(FileChannel.MapMode.READ_WRITE, at, Math.min(CHUNK, to - at));
    }
    chunks = c;
    starts = s;
  }

  /** The index of the chunk that holds byte {@code at}. */
  private int chunk(long at) {
    int i = java.util.Arrays.binarySearch(starts, at);
    return i >= 0 ? i : -i - 2;
  }

  @Override
  void unmap() {
    MappedByteBuffer[] c = chunks;
    chunks = new MappedByteBuffer[0];
    starts = new long[0];
    if (INVOKE_CLEANER != null) {
      for (MappedByteBuffer b : c) {
        try {
          INVOKE_CLEANER.invoke(UNSAFE, b);
        } catch (ReflectiveOperationException e) {
          return; // left to the garbage collector
        }
      }
    }
  }

  @Override
  void put(long off, ByteBuffer src) {
    long at = off;
    int from = src.position();
    int left = src.remaining();
    while (left > 0) {
      int k = chunk(at);
      MappedByteBuffer c = chunks[k];
      int in = (int) (at - starts[k]);
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
      int k = chunk(at);
      MappedByteBuffer c = chunks[k];
      int in = (int) (at - starts[k]);
      int n = Math.min(left, c.capacity() - in);
      dst.put(to, c, in, n);
      at += n;
      to += n;
      left -= n;
    }
  }

  @Override
  void sync(long from, long to) {
    for (long at = from; at < to; ) {
      int k = chunk(at);
      MappedByteBuffer c = chunks[k];
      int in = (int) (at - starts[k]);
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
