package io.daos.perf;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The operations {@code daos_perf} can drive, by their command-line names. */
public enum PerfOp {
  UPDATE("update", false),
  FETCH("fetch", true),
  KV_PUT("kv-put", false),
  KV_GET("kv-get", true),
  ARRAY_WRITE("array-write", false),
  ARRAY_READ("array-read", true);

  private final String cliName;
  private final boolean read;

  PerfOp(String cliName, boolean read) {
    this.cliName = cliName;
    this.read = read;
  }

  /** The name on the command line and in the JSON output. */
  public String cliName() {
    return cliName;
  }

  /** Reads keys written in a preparation phase (and verifies them) rather than writing. */
  public boolean isRead() {
    return read;
  }

  /** Every command-line name, comma-separated (for help and error messages). */
  public static String names() {
    return Arrays.stream(values()).map(PerfOp::cliName).collect(Collectors.joining(", "));
  }

  /**
   * The op named {@code name}.
   *
   * @throws IllegalArgumentException naming the valid ops
   */
  public static PerfOp parse(String name) {
    for (PerfOp op : values()) {
      if (op.cliName.equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown op \"" + name + "\": use one of " + names());
  }
}
