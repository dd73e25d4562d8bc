package io.daos.engine.vos.blob;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file mapped with the JDK as {@link MappedByteBuffer}s of up to 1 GiB each (a buffer's capacity is an int), each
 * a {@link Mapping} its {@link BlobView}s hold: unmapped when the blob and its views have let go (not when the
 * garbage collector gets to it, so that a destroyed pool's space returns to tmpfs at once). Used and grown on the
 * target's thread only.
 */
final class MappedChunks {
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

  private final Path file;
  private final FileChannel ch;
  private final FileChannel.MapMode mode;
  private MappedByteBuffer[] bufs = new MappedByteBuffer[0];
  private Mapping[] maps = new Mapping[0];
  /** The file offset each buffer maps from, ascending. */
  private long[] starts = new long[0];

  MappedChunks(Path file, FileChannel ch, FileChannel.MapMode mode) {
    this.file = file;
    this.ch = ch;
    this.mode = mode;
  }

  /** The first byte not mapped (0: nothing mapped). */
  long end() {
    int n = bufs.length;
    return n == 0 ? 0 : starts[n - 1] + bufs[n - 1].capacity();
  }

  /**
   * Maps {@code [end(), to)} as more buffers after those mapped, which stay mapped (their pages do not fault again).
   */
  void add(long to) throws IOException {
    long from = end();
    int n = (int) ((to - from + CHUNK - 1) / CHUNK);
    MappedByteBuffer[] b = Arrays.copyOf(bufs, bufs.length + n);
    Mapping[] m = Arrays.copyOf(maps, maps.length + n);
    long[] s = Arrays.copyOf(starts, starts.length + n);
    for (int i = 0; i < n; i++) {
      long at = from + i * CHUNK;
      MappedByteBuffer buf = ch.map(mode, at, Math.min(CHUNK, to - at));
      s[bufs.length + i] = at;
      b[bufs.length + i] = buf;
      m[bufs.length + i] = new Mapping(file + " [" + at + ", +" + buf.capacity() + ")", () -> clean(buf));
    }
    bufs = b;
    maps = m;
    starts = s;
  }

  /**
   * Maps up to {@code to} with as few buffers as it takes: a last buffer shorter than {@link #CHUNK} is mapped again,
   * longer, and let go (unmapped once no view holds it), so that a file that grows a little at a time does not end up
   * with a mapping per growth.
   */
  void extend(long to) throws IOException {
    int n = bufs.length;
    if (n > 0 && bufs[n - 1].capacity() < CHUNK) {
      Mapping last = maps[n - 1];
      bufs = Arrays.copyOf(bufs, n - 1);
      maps = Arrays.copyOf(maps, n - 1);
      starts = Arrays.copyOf(starts, n - 1);
      last.release();
    }
    add(to);
  }

  /** The index of the buffer that holds byte {@code at}. */
  int index(long at) {
    int i = Arrays.binarySearch(starts, at);
    return i >= 0 ? i : -i - 2;
  }

  MappedByteBuffer buf(int k) {
    return bufs[k];
  }

  long start(int k) {
    return starts[k];
  }

  /** A view of {@code [off, off + len)} (mapped), or null where it spans two buffers. */
  BlobView view(long off, int len) {
    int k = index(off);
    int in = (int) (off - starts[k]);
    if (in + len > bufs[k].capacity()) {
      return null;
    }
    return new BlobView(off, bufs[k].slice(in, len).asReadOnlyBuffer(), maps[k]);
  }

  /** Lets go of every buffer: each is unmapped now, or when the last view of it is released. */
  void release() {
    Mapping[] m = maps;
    bufs = new MappedByteBuffer[0];
    maps = new Mapping[0];
    starts = new long[0];
    for (Mapping x : m) {
      x.release();
    }
  }

  private static void clean(MappedByteBuffer b) throws ReflectiveOperationException {
    if (INVOKE_CLEANER != null) {
      INVOKE_CLEANER.invoke(UNSAFE, b);
    }
  }
}
