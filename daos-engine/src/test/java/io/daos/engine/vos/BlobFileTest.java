package io.daos.engine.vos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFileTest {
  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void growingAheadKeepsEveryWriteAndGrowsAMebibyteAtATime(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("blob.dat");
    byte[] a = random(4096, 1);
    byte[] b = random(10_000, 2);
    try (BlobFile blob = new BlobFile(f, true)) {
      blob.write(0, a, 0, a.length);
      assertEquals(BlobFile.GROW, blob.size(), "grown to the first mebibyte, not just the 4 KiB written");
      blob.write(BlobFile.GROW - 100, b, 0, b.length);
      assertEquals(2L * BlobFile.GROW, blob.size());
      blob.write(4096, a, 0, a.length);
      assertEquals(2L * BlobFile.GROW, blob.size(), "a write inside the grown part does not grow it");
      byte[] got = new byte[b.length];
      blob.read(BlobFile.GROW - 100, got, 0, got.length);
      assertArrayEquals(b, got);
      byte[] zeros = new byte[100];
      blob.read(8192, zeros, 0, zeros.length);
      assertArrayEquals(new byte[100], zeros, "grown space reads as zeros");
      blob.force();
    }
    try (BlobFile blob = new BlobFile(f, true)) {
      byte[] got = new byte[a.length];
      blob.read(0, got, 0, got.length);
      assertArrayEquals(a, got, "a reopened blob keeps its data");
      blob.write(2L * BlobFile.GROW - 10, a, 0, a.length);
      assertEquals(3L * BlobFile.GROW, blob.size(), "growth continues from the file's size");
      blob.read(BlobFile.GROW - 100, new byte[b.length], 0, b.length);
    }
  }

  @Test
  void withoutGrowingAheadTheFileEndsAtTheLastWrite(@TempDir Path dir) throws Exception {
    try (BlobFile blob = new BlobFile(dir.resolve("blob.dat"), false)) {
      blob.write(8192, random(4096, 3), 0, 4096);
      assertEquals(12288, blob.size());
    }
  }
}
