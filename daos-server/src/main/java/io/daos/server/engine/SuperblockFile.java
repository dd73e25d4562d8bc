package io.daos.server.engine;

import io.daos.common.Rank;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads and writes {@code <dir>/superblock} in DAOS's YAML form (lower-case keys as Go's yaml writes them). */
public final class SuperblockFile {
  public static final String NAME = "superblock";

  private SuperblockFile() {
  }

  /** The superblock at {@code path}, or empty if there is none. */
  public static Optional<EngineSuperblock> read(Path path) throws IOException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw new IOException("superblock " + path + " is not valid YAML: " + e.getMessage()
          + "; remove it and format the engine's storage again", e);
    }
    if (!(doc instanceof Map<?, ?> m) || m.get("uuid") == null) {
      throw new IOException("superblock " + path + " has no uuid; remove it and format the engine's storage again");
    }
    return Optional.of(fromMap(m));
  }

  private static EngineSuperblock fromMap(Map<?, ?> m) {
    Object rank = m.get("rank");
    return new EngineSuperblock(num(m.get("version"), EngineSuperblock.VERSION), String.valueOf(m.get("uuid")),
        str(m.get("system")), rank == null ? null : Rank.of(((Number) rank).longValue()), str(m.get("uri")),
        Boolean.TRUE.equals(m.get("validrank")), str(m.get("hostfaultdomain")),
        m.get("incarnation") instanceof Number n ? n.longValue() : 0L);
  }

  private static int num(Object o, int dflt) {
    return o instanceof Number n ? n.intValue() : dflt;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  /** Writes {@code sb} to {@code path} atomically (temp file + rename). */
  public static void write(Path path, EngineSuperblock sb) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", sb.version());
    m.put("uuid", sb.uuid());
    m.put("system", sb.system());
    m.put("rank", sb.rank() == null ? null : sb.rank().value());
    m.put("uri", sb.uri());
    m.put("validrank", sb.validRank());
    m.put("hostfaultdomain", sb.hostFaultDomain());
    m.put("incarnation", sb.incarnation());
    DumperOptions opts = new DumperOptions();
    opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.writeString(tmp, new Yaml(opts).dump(m), StandardCharsets.UTF_8);
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
