package io.daos.server.config;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;

/**
 * A daos_server.yml that cannot be read: names the file, line and key, never a stack trace.
 * {@link #getMessage()} reads like {@code daos_server.yml:12: unknown key 'tragets' in engines[0]}.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String RESOLUTION =
      "fix the configuration file (see the examples under config/) and restart daos_server";

  private final String file;
  private final int line;

  public ConfigException(String file, int line, String message) {
    super(location(file, line) + message);
    this.file = file;
    this.line = line;
  }

  public ConfigException(String file, int line, String message, Throwable cause) {
    super(location(file, line) + message, cause);
    this.file = file;
    this.line = line;
  }

  private static String location(String file, int line) {
    if (file == null) {
      return "";
    }
    return line > 0 ? file + ":" + line + ": " : file + ": ";
  }

  /** The file, as given by the caller. */
  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the problem is not tied to a line. */
  public int line() {
    return line;
  }

  /** The same problem as a DAOS-style fault (code 701, bad config) for CLIs and gRPC. */
  public Fault toFault() {
    return new Fault("serverconfig", FaultCode.SERVER_BAD_CONFIG, getMessage(), "", RESOLUTION, this);
  }
}
