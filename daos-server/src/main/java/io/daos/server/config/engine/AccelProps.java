package io.daos.server.config.engine;

import java.util.List;
import java.util.Locale;

/**
 * Engine {@code acceleration{engine, options}}: engine none|spdk|dml; options crc, move as DAOS's bits
 * (MOVE=1, CRC=2). With an engine but no options, all options are on (as DAOS).
 */
public record AccelProps(String engine, int options) {
  public static final String ENGINE_NONE = "none";
  public static final String ENGINE_SPDK = "spdk";
  public static final String ENGINE_DML = "dml";
  public static final int OPT_MOVE = 1;
  public static final int OPT_CRC = 2;
  public static final AccelProps NONE = new AccelProps(ENGINE_NONE, 0);

  /** Null when the engine or an option name is unknown (the parser reports it with the line). */
  public static AccelProps of(String engine, List<String> options) {
    String e = engine == null ? ENGINE_NONE : engine.trim().toLowerCase(Locale.ROOT);
    if (!List.of(ENGINE_NONE, ENGINE_SPDK, ENGINE_DML).contains(e)) {
      return null;
    }
    int bits = 0;
    for (String o : options) {
      switch (o.trim().toLowerCase(Locale.ROOT)) {
        case "move" -> bits |= OPT_MOVE;
        case "crc" -> bits |= OPT_CRC;
        default -> {
          return null;
        }
      }
    }
    if (e.equals(ENGINE_NONE)) {
      bits = 0;
    } else if (bits == 0) {
      bits = OPT_MOVE | OPT_CRC;
    }
    return new AccelProps(e, bits);
  }
}
