package io.daos.server.config.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A storage tier's {@code class}. DAOS's classes, plus {@code dir} (jdaos extension: SCM in a plain
 * directory, no mount and no root needed).
 */
public enum StorageClass {
  DCPM("dcpm", true),
  RAM("ram", true),
  /** jdaos extension: SCM tier backed by an ordinary directory. */
  DIR("dir", true),
  NVME("nvme", false),
  FILE("file", false),
  KDEV("kdev", false);

  private final String yamlName;
  private final boolean scm;

  StorageClass(String yamlName, boolean scm) {
    this.yamlName = yamlName;
    this.scm = scm;
  }

  /** The name used in YAML ({@code class: ram}). */
  public String yamlName() {
    return yamlName;
  }

  public boolean isScm() {
    return scm;
  }

  public boolean isBdev() {
    return !scm;
  }

  /** The class with this YAML name, or null. */
  public static StorageClass fromYaml(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (StorageClass c : values()) {
      if (c.yamlName.equals(n)) {
        return c;
      }
    }
    return null;
  }

  public static String allNames() {
    return Arrays.stream(values()).map(StorageClass::yamlName).collect(Collectors.joining("|"));
  }

  @Override
  public String toString() {
    return yamlName;
  }
}
