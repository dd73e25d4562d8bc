package io.daos.ffi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** The few libc calls the JDK does not expose, bound with jnr-ffi (DESIGN §2: native uses nothing of ours). */
public interface LibC {
  int O_RDWR = 2;

  int open(String path, int flags);

  int close(int fd);

  /** Linux {@code fallocate(2)}: allocates blocks for {@code [offset, offset + len)} (mode 0 extends the file). */
  int fallocate(int fd, int mode, long offset, long len);

  /** libc, loaded once; null where it cannot be loaded (callers fall back to what the JDK offers). */
  static LibC get() {
    return Holder.LIBC;
  }

  /** The calling thread's errno after a failed call. */
  static int errno() {
    return Holder.LIBC == null ? 0 : Runtime.getRuntime(Holder.LIBC).getLastError();
  }

  /** Lazy, failure-tolerant loading. */
  final class Holder {
    static final LibC LIBC = load();

    private Holder() {}

    private static LibC load() {
      try {
        return LibraryLoader.create(LibC.class).failImmediately().load("c");
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }
  }
}
