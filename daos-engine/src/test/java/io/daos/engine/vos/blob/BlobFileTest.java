package io.daos.engine.vos.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobFileTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "ram-backed {0}")
  @ValueSource(booleans = {false, true})
  void reservedBlobReadsZerosAndKeepsWhatIsWritten(boolean ramBacked) throws Exception {
    Path f = dir.resolve("blob.dat");
    int size = (3 << 20) + 4096; // not a multiple of the 1 MiB touch chunk
    try (BlobFile b = new BlobFile(f)) {
      b.reserve(size, ramBacked);
      assertEquals(size, Files.size(f));
      byte[] data = new byte[8192];
      java.util.Arrays.fill(data, (byte) 0x5a);
      b.write(size - 8192, data, 0, data.length);
      b.force();
      byte[] back = new byte[8192];
      b.read(size - 8192, back, 0, back.length);
      assertArrayEquals(data, back);
      byte[] zeros = new byte[1 << 20];
      b.read(1 << 20, zeros, 0, zeros.length);
      assertArrayEquals(new byte[1 << 20], zeros);
    }
    assertEquals(size, Files.size(f), "writes inside the reservation do not grow the blob");
  }

  private static java.nio.ByteBuffer direct(int len, int fill) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(len);
    for (int i = 0; i < len; i++) {
      b.put(i, (byte) (fill + i));
    }
    return b;
  }

  private static byte[] bytes(java.nio.ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  @org.junit.jupiter.api.Test
  void gatheredWritesLandInOrderAndAreReadBeforeTheForce() throws Exception {
    try (BlobFile b = new BlobFile(dir.resolve("blob.dat"))) {
      b.reserve(1 << 20, false);
      java.nio.ByteBuffer x = direct(4096, 1);
      java.nio.ByteBuffer y = direct(4096, 2);
      java.nio.ByteBuffer z = direct(100, 3);
      b.write(8192, new java.nio.ByteBuffer[] {x});
      b.write(12288, new java.nio.ByteBuffer[] {y, z}); // back to back with x: one run
      b.write(65536, new java.nio.ByteBuffer[] {z}); // a run of its own
      assertEquals(0, x.position(), "the caller's buffers are not moved");
      byte[] back = new byte[8192 + 100];
      b.read(8192, back, 0, back.length); // a read issues what is gathered first
      byte[] want = new byte[back.length];
      System.arraycopy(bytes(x), 0, want, 0, 4096);
      System.arraycopy(bytes(y), 0, want, 4096, 4096);
      System.arraycopy(bytes(z), 0, want, 8192, 100);
      assertArrayEquals(want, back);
      byte[] far = new byte[100];
      b.read(65536, far, 0, 100);
      assertArrayEquals(bytes(z), far);

      // A later array write over a gathered one wins (issued in order).
      b.write(0, new java.nio.ByteBuffer[] {direct(4096, 7)});
      byte[] over = new byte[4096];
      java.util.Arrays.fill(over, (byte) 0x33);
      b.write(0, over, 0, over.length);
      b.force();
      byte[] got = new byte[4096];
      b.read(0, got, 0, got.length);
      assertArrayEquals(over, got);
    }
  }

  @org.junit.jupiter.api.Test
  void discardedWritesNeverReachTheFile() throws Exception {
    try (BlobFile b = new BlobFile(dir.resolve("blob.dat"))) {
      b.reserve(1 << 20, false);
      b.write(4096, new java.nio.ByteBuffer[] {direct(4096, 9)});
      b.discardPending();
      b.force();
      byte[] got = new byte[4096];
      b.read(4096, got, 0, got.length);
      assertArrayEquals(new byte[4096], got);
    }
  }

  @org.junit.jupiter.api.Test
  void manyGatheredBytesGoOutBeforeTheForce() throws Exception {
    java.nio.file.Path f = dir.resolve("blob.dat");
    try (BlobFile b = new BlobFile(f)) {
      b.reserve(BlobFile.MAX_PENDING_BYTES + (1 << 20), false);
      java.nio.ByteBuffer big = direct((int) BlobFile.MAX_PENDING_BYTES, 5);
      b.write(0, new java.nio.ByteBuffer[] {big});
      // Issued at the bound: another reader of the file sees it without a force or read through the blob.
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(16);
        ch.read(head, 0);
        assertArrayEquals(java.util.Arrays.copyOf(bytes(big), 16), head.array());
      }
    }
  }

  /**
   * A reservation that fails for another reason than no space or no fallocate (here EISDIR) refuses the growth
   * instead of leaving the blob sparse: a mapped SCM blob would fault (SIGBUS) on a page the file system cannot back.
   */
  @Test
  void aFailedReservationIsRefusedNotLeftSparse() throws Exception {
    Path notAFile = Files.createDirectory(dir.resolve("blob-dir"));
    DaosException e = assertThrows(DaosException.class, () -> BlobFile.preallocate(notAFile, 1 << 20));
    assertEquals(DaosStatus.IO, e.status(), e.getMessage());
    assertTrue(e.getMessage().contains("errno 21"), e.getMessage());
  }
}
