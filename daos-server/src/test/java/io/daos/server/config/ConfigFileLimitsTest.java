package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.yaml.YamlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is no daos_server.yml fails at once with the file, the problem and the fix. */
class ConfigFileLimitsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private ConfigException loadFails(byte[] content) throws IOException {
    Path f = Files.write(dir.resolve("daos_server.yml"), content);
    return assertTimeoutPreemptively(DEADLINE, () -> assertThrows(ConfigException.class, () -> ServerConfig.load(f)));
  }

  @Test
  void binaryGarbageSaysItIsNotText() throws IOException {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    ConfigException e = loadFails(junk);
    assertTrue(e.getMessage().contains("daos_server.yml: "), e.getMessage());
    assertTrue(e.getMessage().contains("not UTF-8 text") || e.getMessage().contains("control character"),
        e.getMessage());
    assertTrue(e.getMessage().contains("give the path of the YAML config"), e.getMessage());
  }

  @Test
  void controlCharacterNamesTheLine() throws IOException {
    ConfigException e = loadFails("name: a\nport: 1\u0000\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(e.getMessage().contains("line 2: control character 0x0"), e.getMessage());
  }

  @Test
  void fileAboveTheSizeLimitIsRefusedBeforeParsing() throws IOException {
    byte[] big = ("# " + "x".repeat(100) + "\n").repeat(YamlText.MAX_BYTES / 100 + 10)
        .getBytes(StandardCharsets.UTF_8);
    ConfigException e = loadFails(big);
    assertTrue(e.getMessage().contains("larger than 1024 KiB"), e.getMessage());
  }

  @Test
  void singleHugeScalarIsRefusedAtOnce() throws IOException {
    byte[] scalar = ("name: " + "a".repeat(YamlText.MAX_SCALAR_CHARS + 1) + "\n").getBytes(StandardCharsets.UTF_8);
    ConfigException e = loadFails(scalar);
    assertTrue(e.getMessage().contains("line 1 is longer than 64 KiB"), e.getMessage());
    assertTrue(e.getMessage().contains("shorten the value"), e.getMessage());
  }

  @Test
  void largestFoldedScalarParsesWithinTheDeadline() throws IOException {
    String line = "  " + "b".repeat(1000) + "\n";
    String yaml = "name: >\n" + line.repeat((YamlText.MAX_BYTES - 100) / line.length());
    Path f = Files.writeString(dir.resolve("daos_server.yml"), yaml);
    ServerConfig c = assertTimeoutPreemptively(DEADLINE, () -> ServerConfig.load(f));
    assertTrue(c.name().length() > YamlText.MAX_BYTES / 2);
  }

  @Test
  void commentsOnlyIsDiscoveryMode() throws IOException {
    Path f = Files.writeString(dir.resolve("daos_server.yml"), "# name: daos_server\n#engines:\n#  -\n");
    ServerConfig c = ServerConfig.load(f).validate();
    assertEquals(0, c.engines().size());
  }
}
