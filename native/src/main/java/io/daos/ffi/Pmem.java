package io.daos.ffi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Pinned;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.NativeLongByReference;
import jnr.ffi.types.size_t;
import java.nio.ByteBuffer;

/**
 * The libpmem calls DAOS's SCM tier relies on (PMDK; DAOS reaches them through libpmemobj), bound with jnr-ffi to
 * Debian's {@code libpmem1} ({@code libpmem.so.1}). Loaded on first use; {@link #get()} is null where the library is
 * missing or {@code -Djdaos.pmem=off} turns it off, and {@link #loadError()} then says why. {@link PmemMap} wraps
 * these calls for one mapped file.
 * <p>libpmem's rule, which {@link PmemMap} follows: on persistent memory ({@code is_pmem} true: a DAX mapping)
 * {@code pmem_persist} and {@code pmem_memcpy_persist} make stores durable with cache flushes and no system call;
 * anywhere else (tmpfs, a disk file) only {@code pmem_msync} does.
 */
public interface Pmem {
  /** {@code pmem_memcpy} flag: no cache flush (the caller syncs another way). */
  int PMEM_F_MEM_NOFLUSH = 1 << 5;

  /**
   * Maps {@code path}; with {@code flags} 0 and {@code len} 0 the whole existing file. Returns the address, or null
   * with errno and {@link #pmem_errormsg()} set.
   */
  Pointer pmem_map_file(String path, @size_t long len, int flags, int mode, @Out NativeLongByReference mappedLen,
      @Out IntByReference isPmem);

  int pmem_unmap(Pointer addr, @size_t long len);

  /** 1 when the whole range is persistent memory (durable through cache flushes alone). */
  int pmem_is_pmem(Pointer addr, @size_t long len);

  /** Copies and makes the copy durable on persistent memory (on other memory: copies and flushes caches). */
  Pointer pmem_memcpy_persist(Pointer pmemdest, @In @Pinned ByteBuffer src, @size_t long len);

  /** Copies with {@code flags} ({@link #PMEM_F_MEM_NOFLUSH}: a plain copy). */
  Pointer pmem_memcpy(Pointer pmemdest, @In @Pinned ByteBuffer src, @size_t long len, int flags);

  /** Flushes the range from CPU caches (durable on persistent memory only). */
  void pmem_persist(Pointer addr, @size_t long len);

  /** {@code msync(MS_SYNC)} of the pages holding the range: what makes stores durable on a non-pmem mapping. */
  int pmem_msync(Pointer addr, @size_t long len);

  /** The last libpmem error of the calling thread, in words. */
  String pmem_errormsg();

  /** null when the library is at least {@code major.minor}, else why not. */
  String pmem_check_version(int major, int minor);

  /** libpmem, loaded once; null where it cannot be loaded. */
  static Pmem get() {
    return Holder.LOADED.lib();
  }

  /** Why {@link #get()} is null ({@code null} when libpmem loaded). */
  static String loadError() {
    return Holder.LOADED.error();
  }

  /** The library, or why there is none. */
  record Loaded(Pmem lib, String error) {}

  /** Lazy, failure-tolerant loading. */
  final class Holder {
    /** Debian's libpmem1 ships only the versioned name; the bare one comes with libpmem-dev. */
    static final String[] NAMES = {"libpmem.so.1", "pmem"};
    static final Loaded LOADED = "off".equals(System.getProperty("jdaos.pmem"))
        ? new Loaded(null, "turned off by -Djdaos.pmem=off") : load(NAMES);

    private Holder() {}

    static Loaded load(String... names) {
      String error = "no library name";
      for (String name : names) {
        try {
          Pmem lib = LibraryLoader.create(Pmem.class).failImmediately().load(name);
          String old = lib.pmem_check_version(1, 0);
          if (old != null) {
            return new Loaded(null, name + ": " + old);
          }
          return new Loaded(lib, null);
        } catch (RuntimeException | LinkageError e) {
          error = name + ": " + e.getMessage();
        }
      }
      return new Loaded(null, error);
    }
  }
}
