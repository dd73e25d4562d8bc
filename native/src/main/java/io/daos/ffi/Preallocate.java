package io.daos.ffi;

import java.nio.file.Path;

/**
 * Reserves file space with {@code fallocate(2)}, as DAOS does for its bdev files: later writes land in blocks
 * (on tmpfs: pages) that already exist, and a full disk is found when the space is reserved rather than by a
 * write long after.
 */
public final class Preallocate {
  /** errno values fallocate reports. */
  public static final int ENOSPC = 28;
  public static final int EFBIG = 27;
  public static final int EOPNOTSUPP = 95;
  public static final int EINTR = 4;
  public static final int ENOMEM = 12;

  /** How a reservation went: {@code errno} 0 on success, -1 when libc or fallocate is not available. */
  public record Result(int errno) {
    public boolean ok() {
      return errno == 0;
    }

    /** The file system (or platform) cannot reserve space: the file stays sparse. */
    public boolean unsupported() {
      return errno == -1 || errno == EOPNOTSUPP;
    }

    /** The space is not there (ENOSPC), or the file would exceed the file system's largest file (EFBIG). */
    public boolean noSpace() {
      return errno == ENOSPC || errno == EFBIG;
    }
  }

  private Preallocate() {}

  /**
   * Allocates {@code len} bytes from offset 0 of an existing {@code file}, extending it to at least that size. A
   * call a signal interrupted (EINTR: tmpfs checks for pending signals while it allocates pages) is made again; the
   * pages it had allocated stay, so the next call goes on from there.
   */
  public static Result reserve(Path file, long len) {
    LibC c = LibC.get();
    if (c == null) {
      return new Result(-1);
    }
    int fd = c.open(file.toAbsolutePath().toString(), LibC.O_RDWR);
    if (fd < 0) {
      return new Result(LibC.errno());
    }
    try {
      int errno;
      do {
        errno = c.fallocate(fd, 0, 0, len) == 0 ? 0 : LibC.errno();
      } while (errno == EINTR);
      return new Result(errno);
    } catch (LinkageError e) {
      return new Result(-1);
    } finally {
      c.close(fd);
    }
  }
}
