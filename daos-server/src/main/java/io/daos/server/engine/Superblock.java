package io.daos.server.engine;

import io.daos.server.config.ConfigDefaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An engine instance's superblock: the YAML file {@code <scm_mount>/superblock} with DAOS's keys
 * {@code version uuid system rank uri validrank hostfaultdomain incarnation} (rank is {@code null} until the
 * first join). Written atomically (temp file + rename), mode 0644 as DAOS's default file permission.
 */
public record Superblock(int version, String uuid, String system, Integer rank, String uri, boolean validRank,
    String hostFaultDomain, long incarnation) {
  public static final int VERSION = 1;
  public static final String FILE_NAME = "superblock";

  public Superblock {
    Objects.requireNonNull(uuid, "uuid");
    system = system == null ? "" : system;
    uri = uri == null ? "" : uri;
    hostFaultDomain = hostFaultDomain == null ? "" : hostFaultDomain;
  }

  /** A fresh superblock: version 1, random UUID, no rank; an empty system name becomes {@code daos_engine}. */
  public static Superblock create(String systemName, String hostFaultDomain) {
    String sys = systemName == null || systemName.isEmpty() ? ConfigDefaults.SUPERBLOCK_SYSTEM : systemName;
    return new Superblock(VERSION, UUID.randomUUID().toString(), sys, null, "", false, hostFaultDomain, 0);
  }

  /** {@code <dir>/superblock}; dir is the SCM mount or {@code <md path>/daos_control/engine<idx>}. */
  public static Path pathIn(Path dir) {
    return dir.resolve(FILE_NAME);
  }

  public Superblock withRank(int r) {
    return new Superblock(version, uuid, system, r, uri, true, hostFaultDomain, incarnation);
  }

  public Superblock withUri(String u) {
    return new Superblock(version, uuid, system, rank, u, validRank, hostFaultDomain, incarnation);
  }

  public Superblock withIncarnation(long inc) {
    return new Superblock(version, uuid, system, rank, uri, validRank, hostFaultDomain, inc);
  }

  public Superblock withHostFaultDomain(String fd) {
    return new Superblock(version, uuid, system, rank, uri, validRank, fd, incarnation);
  }

  /** The YAML text, keys in DAOS's order. */
  public String toYaml() {
    return "version: " + version + "\n"
        + "uuid: " + uuid + "\n"
        + "system: " + quote(system) + "\n"
        + "rank: " + (rank == null ? "null" : Integer.toUnsignedString(rank)) + "\n"
        + "uri: " + quote(uri) + "\n"
        + "validrank: " + validRank + "\n"
        + "hostfaultdomain: " + quote(hostFaultDomain) + "\n"
        + "incarnation: " + Long.toUnsignedString(incarnation) + "\n";
  }

  private static String quote(String s) {
    if (s.isEmpty()) {
      return "\"\"";
    }
    boolean plain = s.matches("[A-Za-z0-9_./+;@-][A-Za-z0-9_./+;:@=,-]*") && !s.endsWith(":")
        && !s.matches("(?i)(true|false|yes|no|on|off|null|~|[-+]?[0-9._]+)");
    return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Parses superblock YAML; unknown keys are ignored, as DAOS's non-strict unmarshal does. */
  public static Superblock parse(String yaml) {
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("superblock is not valid YAML: " + e.getMessage(), e);
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("superblock is not a YAML mapping");
    }
    Object uuid = m.get("uuid");
    if (uuid == null) {
      throw new IllegalArgumentException("superblock has no uuid");
    }
    return new Superblock(num(m.get("version")).intValue(), uuid.toString(), str(m.get("system")),
        m.get("rank") == null ? null : num(m.get("rank")).intValue(), str(m.get("uri")),
        Boolean.TRUE.equals(m.get("validrank")), str(m.get("hostfaultdomain")), num(m.get("incarnation")).longValue());
  }

  private static Number num(Object o) {
    if (o == null) {
      return 0;
    }
    if (o instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("superblock: expected a number, got '" + o + "'");
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  /** Reads {@code file}; null when it does not exist. */
  public static Superblock read(Path file) throws IOException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes atomically: a temp file in the same directory, fsync, then rename over {@code file}. */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.writeString(tmp, toYaml(), StandardCharsets.UTF_8);
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      trySetMode(tmp);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void trySetMode(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException | UnsupportedOperationException e) {
      // non-POSIX file system: keep the default mode
    }
  }
}
