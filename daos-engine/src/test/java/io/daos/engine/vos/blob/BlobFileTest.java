package io.daos.engine.vos.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
