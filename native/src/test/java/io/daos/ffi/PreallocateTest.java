package io.daos.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreallocateTest {
  @TempDir
  Path dir;

  @Test
  void libcLoads() {
    // jdaos runs on Linux only (epoll, SOCK_SEQPACKET): libc must bind, or every reservation silently falls back.
    assertNotNull(LibC.get());
  }

  @Test
  void reserveAllocatesBlocksAndExtendsTheFile() throws Exception {
    Path f = Files.createFile(dir.resolve("blob"));
    Preallocate.Result r = Preallocate.reserve(f, 8L << 20);
    if (r.unsupported()) {
      // Only a file system without fallocate (the test dir's) gets here; then the file must be untouched.
      assertEquals(0, Files.size(f));
      return;
    }
    assertTrue(r.ok(), "errno " + r.errno());
    assertEquals(8L << 20, Files.size(f));
    // A second reservation of the same range allocates nothing new and still succeeds.
    assertTrue(Preallocate.reserve(f, 4L << 20).ok());
    assertEquals(8L << 20, Files.size(f), "fallocate mode 0 never shrinks");
  }

  @Test
  void reserveOfAMissingFileReportsItsErrno() {
    Preallocate.Result r = Preallocate.reserve(dir.resolve("missing"), 4096);
    assertFalse(r.ok());
    if (!r.unsupported()) {
      assertEquals(2, r.errno()); // ENOENT
    }
  }

  @Test
  void reserveBeyondTheFileSystemReportsNoSpace() throws Exception {
    Path f = Files.createFile(dir.resolve("huge"));
    Preallocate.Result r = Preallocate.reserve(f, Long.MAX_VALUE / 2);
    if (!r.unsupported()) {
      assertFalse(r.ok());
      assertTrue(r.noSpace(), "errno " + r.errno());
    }
  }
}
