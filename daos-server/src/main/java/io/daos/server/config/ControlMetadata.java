package io.daos.server.config;

import java.nio.file.Path;

/** {@code control_metadata{path, device}}: where control-plane metadata lives outside SCM (MD-on-SSD). */
public record ControlMetadata(String path, String device) {
  public static final ControlMetadata NONE = new ControlMetadata("", "");

  public ControlMetadata {
    path = path == null ? "" : path;
    device = device == null ? "" : device;
  }

  public boolean hasPath() {
    return !path.isEmpty();
  }

  /** {@code <path>/daos_control}, or null when no path is set. */
  public Path directory() {
    return hasPath() ? Path.of(path, ConfigDefaults.CONTROL_METADATA_SUBDIR) : null;
  }

  /** {@code <path>/daos_control/engine<idx>}, or null when no path is set. */
  public Path engineDirectory(int idx) {
    return hasPath() ? directory().resolve("engine" + idx) : null;
  }
}
