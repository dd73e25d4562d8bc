package io.daos.ffi;

import com.kenai.jffi.MemoryIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.NativeLongByReference;

/**
 * One whole file mapped with {@code pmem_map_file}. {@link #write} copies with {@code pmem_memcpy_persist} where the
 * mapping is persistent memory ({@link #isPmem()}: durable when it returns) and with a plain {@code pmem_memcpy}
 * elsewhere, where {@link #persist} ({@code pmem_msync}) makes the range durable; on persistent memory
 * {@link #persist} has nothing left to do. Reads copy out of the mapping. Every offset is checked against the
 * mapped length before libpmem touches memory, and a closed map refuses all calls: a stray access to an unmapped
 * address would kill the JVM. Not thread-safe.
 */
public final class PmemMap implements AutoCloseable {
  /** Largest piece of the mapping one ByteBuffer view covers (a view's capacity is an int). */
  static final long VIEW = 1L << 30;

  private final Pmem lib;
  private final Runtime rt;
  private final Path file;
  private final long base;
  private final long length;
  private final boolean pmem;
  private final ByteBuffer[] views;
  private boolean closed;

  private PmemMap(Pmem lib, Path file, long base, long length, boolean pmem) {
    this.lib = lib;
    this.rt = Runtime.getRuntime(lib);
    this.file = file;
    this.base = base;
    this.length = length;
    this.pmem = pmem;
    this.views = new ByteBuffer[(int) ((length + VIEW - 1) / VIEW)];
    for (int i = 0; i < views.length; i++) {
      views[i] = MemoryIO.getInstance().newDirectByteBuffer(base + i * VIEW, (int) Math.min(VIEW, length - i * VIEW));
    }
  }

  public static boolean available() {
    return Pmem.get() != null;
  }

  /**
   * Maps the whole of {@code file}, which must exist and not be empty. {@link IllegalStateException} where libpmem is
   * not loaded; {@link IOException} with libpmem's message where it cannot map the file.
   */
  public static PmemMap map(Path file) throws IOException {
    Pmem lib = Pmem.get();
    if (lib == null) {
      throw new IllegalStateException("libpmem is not loaded: " + Pmem.loadError());
    }
    NativeLongByReference len = new NativeLongByReference(0L);
    IntByReference isPmem = new IntByReference();
    Pointer p = lib.pmem_map_file(file.toAbsolutePath().toString(), 0, 0, 0, len, isPmem);
    if (p == null || p.address() == 0) {
      throw new IOException("pmem_map_file " + file + ": " + lib.pmem_errormsg());
    }
    // pmem_map_file's flag, or pmem_is_pmem of the whole range: the latter honours PMEM_IS_PMEM_FORCE as well.
    boolean pmem = isPmem.intValue() != 0 || lib.pmem_is_pmem(p, len.longValue()) != 0;
    return new PmemMap(lib, file, p.address(), len.longValue(), pmem);
  }

  public long length() {
    return length;
  }

  /** Whether libpmem found the mapping to be persistent memory (DAX: stores are made durable by cache flushes). */
  public boolean isPmem() {
    return pmem;
  }

  /**
   * Copies {@code src}'s remaining bytes (a heap or direct buffer; it is not moved) to {@code off}: with
   * {@code pmem_memcpy_persist} on persistent memory, else with {@code pmem_memcpy} without cache flushes.
   */
  public void write(long off, ByteBuffer src) {
    int len = src.remaining();
    Pointer dst = at(off, len);
    if (pmem) {
      lib.pmem_memcpy_persist(dst, src, len);
    } else {
      lib.pmem_memcpy(dst, src, len, Pmem.PMEM_F_MEM_NOFLUSH);
    }
  }

  /** Copies {@code dst.remaining()} bytes at {@code off} into {@code dst} from its position (it is not moved). */
  public void read(long off, ByteBuffer dst) {
    int len = dst.remaining();
    check(off, len);
    int to = dst.position();
    long at = off;
    while (len > 0) {
      int v = (int) (at / VIEW);
      int inView = (int) (at - v * VIEW);
      int n = (int) Math.min(len, views[v].capacity() - inView);
      dst.put(to, views[v], inView, n);
      to += n;
      at += n;
      len -= n;
    }
  }

  /**
   * A read-only buffer over {@code [off, off + len)} of the mapping itself (no copy), or null where the range crosses
   * one of the 1 GiB pieces a buffer can cover, and for an empty range. Valid only until {@link #close}: the caller must not use it after.
   */
  public ByteBuffer view(long off, int len) {
    check(off, len);
    if (len == 0) {
      return null;
    }
    int v = (int) (off / VIEW);
    int in = (int) (off - v * VIEW);
    if (in + len > views[v].capacity()) {
      return null;
    }
    return views[v].slice(in, len).asReadOnlyBuffer();
  }

  /**
   * Makes {@code [off, off + len)} durable: {@code pmem_msync} where the mapping is not persistent memory (a failure
   * is an {@link IOException} with libpmem's message); nothing on persistent memory, where {@link #write} already
   * did it.
   */
  public void persist(long off, long len) throws IOException {
    if (len == 0 || pmem) {
      return;
    }
    if (lib.pmem_msync(at(off, len), len) != 0) {
      throw new IOException("pmem_msync of " + file + " [" + off + ", +" + len + "): " + lib.pmem_errormsg());
    }
  }

  /** libpmem's {@code pmem_is_pmem} of a range of the mapping. */
  public boolean isPmem(long off, long len) {
    return lib.pmem_is_pmem(at(off, len), len) != 0;
  }

  private Pointer at(long off, long len) {
    check(off, len);
    return Pointer.wrap(rt, base + off);
  }

  private void check(long off, long len) {
    if (closed) {
      throw new IllegalStateException(file + " is unmapped");
    }
    if (off < 0 || len < 0 || off + len > length) {
      throw new IndexOutOfBoundsException("[" + off + ", +" + len + ") outside the " + length + " B mapping of "
          + file);
    }
  }

  /** Unmaps the file; later calls throw. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    java.util.Arrays.fill(views, null);
    if (lib.pmem_unmap(Pointer.wrap(rt, base), length) != 0) {
      throw new IOException("pmem_unmap " + file + ": " + lib.pmem_errormsg());
    }
  }
}
