package io.daos.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperblockTest {
  @TempDir
  Path dir;

  @Test
  void newSuperblockHasDaosKeysAndNoRank() {
    Superblock sb = Superblock.create("", "/host1");
    assertEquals(1, sb.version());
    assertEquals("daos_engine", sb.system());
    UUID.fromString(sb.uuid());
    assertEquals("version: 1\nuuid: " + sb.uuid() + "\nsystem: daos_engine\nrank: null\nuri: \"\"\n"
        + "validrank: false\nhostfaultdomain: /host1\nincarnation: 0\n", sb.toYaml());
  }

  @Test
  void writeReadRoundTrip() throws IOException {
    Path f = Superblock.pathIn(dir);
    assertNull(Superblock.read(f));
    Superblock sb = Superblock.create("daos_server", "").withRank(3).withUri("ofi+tcp://127.0.0.1:31416")
        .withIncarnation(1234567890123L);
    sb.write(f);
    assertEquals(sb, Superblock.read(f));
    assertTrue(Files.readString(f).contains("rank: 3\n"));
    assertTrue(Files.readString(f).contains("validrank: true\n"));
    Superblock sb2 = sb.withRank(4);
    sb2.write(f);
    assertEquals(sb2, Superblock.read(f));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temp files left behind");
    }
  }

  @Test
  void readsDaosWrittenSuperblock() {
    String daos = "version: 1\nuuid: 0f7b5a41-6c3a-4b7e-9d0e-2f1c3a4b5c6d\nsystem: daos_server\nrank: 0\n"
        + "uri: ofi+tcp;ofi_rxm://10.0.0.1:31416\nvalidrank: true\nhostfaultdomain: /rack0/host1\n"
        + "incarnation: 0\nextra: ignored\n";
    Superblock sb = Superblock.parse(daos);
    assertEquals(0, sb.rank());
    assertEquals("ofi+tcp;ofi_rxm://10.0.0.1:31416", sb.uri());
    assertEquals(sb, Superblock.parse(sb.toYaml()));
  }

  @Test
  void corruptSuperblockIsAnIoErrorNamingTheFile() throws IOException {
    Path f = Superblock.pathIn(dir);
    Files.writeString(f, "version: [1\n");
    IOException e = assertThrows(IOException.class, () -> Superblock.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }
}
