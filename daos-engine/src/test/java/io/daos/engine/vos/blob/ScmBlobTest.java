package io.daos.engine.vos.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.ffi.PmemMap;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SCM blob backends (libpmem, JDK mapping) against the contract the FileChannel blob keeps. */
class ScmBlobTest {
  @TempDir
  Path dir;

  @Test
  void scmIsLibpmemWhereItLoads() throws Exception {
    try (Blob b = BlobKind.SCM.open(dir.resolve("blob.dat"))) {
      assertEquals(PmemMap.available() ? PmemBlob.class : MappedBlob.class, b.getClass());
      assertTrue(b.backend().startsWith(PmemMap.available() ? "libpmem" : "mapped file"), b.backend());
    }
    assertTrue(BlobKind.scmBackend().startsWith(PmemMap.available() ? "libpmem" : "mapped file"));
  }

  @ParameterizedTest
  @EnumSource(names = {"SCM_PMEM", "SCM_MAPPED"})
  void reservedBlobReadsZerosAndKeepsWhatIsWritten(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    Path f = dir.resolve("blob.dat");
    int size = (3 << 20) + 4096;
    byte[] data = random(8192, 1);
    try (Blob b = kind.open(f)) {
      b.reserve(size, true);
      assertEquals(size, Files.size(f));
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
    assertArrayEquals(data, Arrays.copyOfRange(Files.readAllBytes(f), size - 8192, size), "the bytes are in the file");
  }

  @ParameterizedTest
  @EnumSource(names = {"SCM_PMEM", "SCM_MAPPED"})
  void anUnreservedBlobGrowsAndReopensWithAnyBackend(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    Path f = dir.resolve("blob.dat");
    byte[] a = random(5000, 2);
    byte[] c = random(200_000, 3);
    try (Blob b = kind.open(f)) {
      assertEquals(0, Files.size(f), "an empty blob maps nothing");
      b.write(0, a, 0, a.length);
      assertEquals(ScmBlob.GROW_MIN, Files.size(f), "grown by a whole step");
      b.write(3 * ScmBlob.GROW_MIN + 100, c, 50, 150_000); // beyond the doubled mapping: grows to what it needs
      assertTrue(Files.size(f) >= 3 * ScmBlob.GROW_MIN + 150_100);
      b.force();
      byte[] back = new byte[150_000];
      b.read(3 * ScmBlob.GROW_MIN + 100, back, 0, back.length);
      assertArrayEquals(Arrays.copyOfRange(c, 50, 150_050), back);
    }
    for (BlobKind other : new BlobKind[] {BlobKind.FILE, BlobKind.SCM_MAPPED, BlobKind.SCM}) {
      try (Blob b = other.open(f)) {
        ByteBuffer into = ByteBuffer.allocateDirect(a.length + 10);
        b.read(0, into, 10, a.length);
        byte[] got = new byte[a.length];
        into.get(10, got);
        assertArrayEquals(a, got, other + " reads what " + kind + " wrote");
        byte[] tail = new byte[150_000];
        b.read(3 * ScmBlob.GROW_MIN + 100, tail, 0, tail.length);
        assertArrayEquals(Arrays.copyOfRange(c, 50, 150_050), tail, other.toString());
      }
    }
  }

  /**
   * A JDK-mapped blob that grows maps only the new bytes, as more buffers after the ones it has: writes and reads
   * across the old end (where one mapping ends and the next starts, off any 1 GiB chunk boundary) and the bytes
   * written before the growth are intact, in the mapping and in the file.
   */
  @Test
  void aMappedBlobThatGrowsKeepsItsMappingAndSpansTheNewOne() throws Exception {
    Path f = dir.resolve("blob.dat");
    int reserved = (1 << 20) + 12_288;
    byte[] early = random(100_000, 7);
    byte[] across = random(300_000, 8);
    try (Blob b = BlobKind.SCM_MAPPED.open(f)) {
      b.reserve(reserved, true);
      b.write(reserved - 200_000, early, 0, early.length);
      b.write(reserved - 100_000, across, 0, across.length); // runs 200,000 bytes past the reservation
      assertTrue(Files.size(f) >= reserved + 200_000, "grown: " + Files.size(f));
      b.force();
      byte[] back = new byte[400_000];
      b.read(reserved - 200_000, back, 0, back.length);
      assertArrayEquals(early, Arrays.copyOfRange(back, 0, 100_000));
      assertArrayEquals(across, Arrays.copyOfRange(back, 100_000, 400_000));
      b.write(3 * ScmBlob.GROW_MIN + reserved, early, 0, early.length); // grows again: a third mapping
      b.force();
      byte[] third = new byte[early.length];
      b.read(3 * ScmBlob.GROW_MIN + reserved, third, 0, third.length);
      assertArrayEquals(early, third);
    }
    byte[] file = Files.readAllBytes(f);
    assertArrayEquals(early, Arrays.copyOfRange(file, reserved - 200_000, reserved - 100_000));
    assertArrayEquals(across, Arrays.copyOfRange(file, reserved - 100_000, reserved + 200_000));
  }

  @ParameterizedTest
  @EnumSource(names = {"SCM_PMEM", "SCM_MAPPED", "FILE"})
  void gatheredWriteCopiesEachBufferFromItsPosition(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    byte[] a = random(70_000, 4);
    byte[] c = random(3 << 20, 5);
    ByteBuffer direct = ByteBuffer.allocateDirect(a.length + 33);
    direct.position(33).put(a).position(33);
    ByteBuffer heap = ByteBuffer.wrap(c, 7, c.length - 7);
    long off = 12_345;
    try (Blob b = kind.open(dir.resolve("blob.dat"))) {
      b.write(off, new ByteBuffer[] {direct, heap});
      assertEquals(33, direct.position(), "the buffers are not moved");
      assertEquals(7, heap.position());
      b.force();
      byte[] back = new byte[a.length + c.length - 7];
      b.read(off, back, 0, back.length);
      assertArrayEquals(a, Arrays.copyOfRange(back, 0, a.length));
      assertArrayEquals(Arrays.copyOfRange(c, 7, c.length), Arrays.copyOfRange(back, a.length, back.length));
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"SCM_PMEM", "SCM_MAPPED"})
  void readsBeyondTheBlobAndUseAfterCloseAreErrorsNotCrashes(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    Blob b = kind.open(dir.resolve("blob.dat"));
    b.reserve(1 << 20, false);
    DaosException e = assertThrows(DaosException.class, () -> b.read((1 << 20) - 10, new byte[11], 0, 11));
    assertEquals(DaosStatus.IO, e.status());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    b.write(0, new byte[] {1}, 0, 1);
    b.close();
    b.close();
    e = assertThrows(DaosException.class, () -> b.read(0, new byte[1], 0, 1));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(DaosException.class, () -> b.write(0, new byte[1], 0, 1));
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
