package io.daos.control.auto;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A generated {@code daos_server.yml}: the server section and one section per engine, written as YAML that the
 * daos_server config loader accepts.
 */
public record GeneratedConfig(int port, List<String> msReplicas, String provider, String controlLogFile,
    String controlMetadataPath, List<Engine> engines) {
  /** One engine section. */
  public record Engine(int targets, int helpers, int pinnedNumaNode, String fabricIface, int fabricIfacePort,
      String logFile, List<Tier> storage) {
  }

  /**
   * One storage tier: an SCM tier ({@code scmMount} set; {@code scmList} for dcpm) or a bdev tier
   * ({@code bdevList}, {@code bdevSizeGb} for file bdevs, {@code roles} for MD-on-SSD).
   */
  public record Tier(String storageClass, String scmMount, List<String> scmList, List<String> bdevList,
      int bdevSizeGb, List<String> roles) {
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:+@-]+");

  public String toYaml() {
    StringBuilder y = new StringBuilder();
    y.append("port: ").append(port).append('\n');
    y.append("mgmt_svc_replicas:\n");
    msReplicas.forEach(r -> y.append("- ").append(q(r)).append('\n'));
    y.append("provider: ").append(q(provider)).append('\n');
    y.append("control_log_file: ").append(q(controlLogFile)).append('\n');
    if (!controlMetadataPath.isEmpty()) {
      y.append("control_metadata:\n  path: ").append(q(controlMetadataPath)).append('\n');
    }
    y.append("engines:\n");
    for (Engine e : engines) {
      y.append("- targets: ").append(e.targets()).append('\n');
      y.append("  nr_xs_helpers: ").append(e.helpers()).append('\n');
      y.append("  pinned_numa_node: ").append(e.pinnedNumaNode()).append('\n');
      y.append("  fabric_iface: ").append(q(e.fabricIface())).append('\n');
      y.append("  fabric_iface_port: ").append(e.fabricIfacePort()).append('\n');
      y.append("  log_file: ").append(q(e.logFile())).append('\n');
      y.append("  storage:\n");
      for (Tier t : e.storage()) {
        y.append("  - class: ").append(t.storageClass()).append('\n');
        if (t.scmMount() != null) {
          y.append("    scm_mount: ").append(q(t.scmMount())).append('\n');
        }
        list(y, "scm_list", t.scmList());
        list(y, "bdev_list", t.bdevList());
        if (t.bdevSizeGb() > 0) {
          y.append("    bdev_size: ").append(t.bdevSizeGb()).append('\n');
        }
        list(y, "bdev_roles", t.roles());
      }
    }
    return y.toString();
  }

  private static void list(StringBuilder y, String key, List<String> values) {
    if (!values.isEmpty()) {
      y.append("    ").append(key).append(":\n");
      values.forEach(v -> y.append("    - ").append(q(v)).append('\n'));
    }
  }

  /** A plain scalar when it is one, else double-quoted. */
  static String q(String s) {
    if (PLAIN.matcher(s).matches()) {
      return s;
    }
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
