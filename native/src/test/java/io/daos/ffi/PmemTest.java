package io.daos.ffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libpmem binding on the installed {@code libpmem.so.1}. Where it is missing, each test checks that the absence
 * is reported cleanly (the engine then uses its mapped-file fallback, tested in daos-engine), or fails when
 * {@code JDAOS_REQUIRE_PMEM=1} (CI installs libpmem1 and sets it).
 */
class PmemTest {
  @TempDir
  Path dir;
  private boolean present;

  @BeforeEach
  void requireOrReportAbsence() {
    present = PmemMap.available();
    if (!present && "1".equals(System.getenv("JDAOS_REQUIRE_PMEM"))) {
      fail("JDAOS_REQUIRE_PMEM=1 but libpmem did not load: " + Pmem.loadError());
    }
  }

  @Test
  void absenceIsReportedNotThrown() throws Exception {
    Pmem.Loaded none = Pmem.Holder.load("jdaos-no-such-library");
    assertNull(none.lib());
    assertTrue(none.error().contains("jdaos-no-such-library"), none.error());
    if (present) {
      assertNull(Pmem.loadError());
    } else {
      assertNotNull(Pmem.loadError());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> PmemMap.map(file(4096)));
      assertTrue(e.getMessage().startsWith("libpmem is not loaded"), e.getMessage());
    }
  }

  @Test
  void writesLandInTheFileAndReadBack() throws Exception {
    if (!present) {
      return; // absenceIsReportedNotThrown covers it; JDAOS_REQUIRE_PMEM=1 failed the test already
    }
    Path f = file(3 << 20);
    byte[] data = random(10_000, 1);
    try (PmemMap m = PmemMap.map(f)) {
      assertEquals(3 << 20, m.length());
      assertEquals(m.isPmem(), m.isPmem(0, m.length()), "pmem_map_file and pmem_is_pmem agree");
      // A heap buffer with a position: libpmem must see the bytes from the position, not from the array's start.
      m.write(4090, ByteBuffer.wrap(data, 100, 5000));
      ByteBuffer direct = ByteBuffer.allocateDirect(6000).position(1000);
      direct.put(data, 0, 5000).position(1000);
      m.write(1 << 20, direct);
      assertEquals(1000, direct.position(), "write does not move the source");
      m.persist(4090, 5000);
      m.persist(1 << 20, 5000);

      byte[] back = new byte[5000];
      m.read(4090, ByteBuffer.wrap(back));
      assertArrayEquals(Arrays.copyOfRange(data, 100, 5100), back);
      ByteBuffer into = ByteBuffer.allocateDirect(5100).position(100);
      m.read(1 << 20, into);
      assertEquals(100, into.position(), "read does not move the destination");
      byte[] got = new byte[5000];
      into.get(100, got);
      assertArrayEquals(Arrays.copyOf(data, 5000), got);
    }
    byte[] onDisk = Files.readAllBytes(f);
    assertArrayEquals(Arrays.copyOfRange(data, 100, 5100), Arrays.copyOfRange(onDisk, 4090, 9090));
    assertArrayEquals(Arrays.copyOf(data, 5000), Arrays.copyOfRange(onDisk, 1 << 20, (1 << 20) + 5000));
    assertEquals(0, onDisk[4089]);
  }

  @Test
  void aRangeAcrossTwoViewsReadsWhole() throws Exception {
    if (!present) {
      return;
    }
    Path f = dir.resolve("sparse");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(PmemMap.VIEW + 8192); // sparse: only the pages written below take space
    }
    byte[] data = random(6000, 2);
    try (PmemMap m = PmemMap.map(f)) {
      m.write(PmemMap.VIEW - 3000, ByteBuffer.wrap(data));
      byte[] back = new byte[6000];
      m.read(PmemMap.VIEW - 3000, ByteBuffer.wrap(back));
      assertArrayEquals(data, back);
    }
  }

  /** A view is the mapping itself (a later write shows in it), read-only, and none spans two 1 GiB pieces. */
  @Test
  void aViewIsTheMappingWithinOnePiece() throws Exception {
    if (!present) {
      return;
    }
    Path f = dir.resolve("sparse");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(PmemMap.VIEW + 8192);
    }
    try (PmemMap m = PmemMap.map(f)) {
      ByteBuffer v = m.view(4096, 100);
      assertTrue(v.isReadOnly());
      byte[] data = random(100, 3);
      m.write(4096, ByteBuffer.wrap(data));
      byte[] back = new byte[100];
      v.get(0, back);
      assertArrayEquals(data, back, "the view shows the write: no copy");
      assertNull(m.view(PmemMap.VIEW - 50, 100), "across two pieces");
      assertNull(m.view(0, 0));
      assertThrows(IndexOutOfBoundsException.class, () -> m.view(PmemMap.VIEW + 8000, 193));
    }
  }

  @Test
  void outOfRangeAndUnmappedAccessIsRefused() throws Exception {
    if (!present) {
      return;
    }
    PmemMap m = PmemMap.map(file(8192));
    assertThrows(IndexOutOfBoundsException.class, () -> m.write(8000, ByteBuffer.allocate(193)));
    assertThrows(IndexOutOfBoundsException.class, () -> m.read(-1, ByteBuffer.allocate(1)));
    assertThrows(IndexOutOfBoundsException.class, () -> m.persist(0, 8193));
    m.write(8000, ByteBuffer.allocate(192));
    m.close();
    m.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.read(0, ByteBuffer.allocate(1)));
    assertTrue(e.getMessage().contains("unmapped"), e.getMessage());
  }

  @Test
  void aFileThatCannotBeMappedSaysWhy() throws Exception {
    if (!present) {
      return;
    }
    IOException e = assertThrows(IOException.class, () -> PmemMap.map(dir.resolve("missing")));
    assertTrue(e.getMessage().startsWith("pmem_map_file " + dir.resolve("missing") + ": "), e.getMessage());
    assertFalse(e.getMessage().endsWith(": "), "libpmem's own message follows: " + e.getMessage());
  }

  private Path file(int size) throws IOException {
    Path f = dir.resolve("map-" + size);
    Files.write(f, new byte[size]);
    return f;
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
