package io.daos.itest;

import io.daos.common.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The daos_server.yml of one cluster host: control address {@code ip:port}, SCM class {@code dir}
 * ({@code dir/scm<i>}) and a {@code file} bdev of {@code bdevGb} GB (1 by default) ({@code dir/nvme<i>/bdev<i>.img}, a directory of its own so that a
 * test can mount a file system there) per engine, logs under {@code dir/log}, one target per engine on
 * {@code lo} at its fabric port (port + 1 must be free for the pool service's Raft); {@code transportYaml} is its
 * {@code transport_config} block (insecure, or the server certificate of a secure cluster).
 */
record HostConfig(int index, String ip, int port, Path dir, List<String> replicas, List<Integer> fabricPorts,
    int targets, List<String> engineEnv, int crtTimeout, int telemetryPort, String transportYaml, int bdevGb) {
  /**
   * The pool services' Raft election timeout of test clusters unless a test sets its own: shorter than DAOS's 7 s so
   * that tests killing a pool service leader stay quick, long enough not to elect on a loaded machine's pauses.
   */
  static final String RDB_ELECTION_TIMEOUT = "RDB_ELECTION_TIMEOUT=2000";

  HostConfig {
    replicas = List.copyOf(replicas);
    fabricPorts = List.copyOf(fabricPorts);
    engineEnv = List.copyOf(engineEnv);
  }

  /** The YAML; {@code extraEnv} goes into every engine's {@code env_vars} before {@link #engineEnv()}. */
  String yaml(List<String> extraEnv) {
    StringBuilder y = new StringBuilder();
    y.append("name: daos_server\nport: ").append(port).append('\n');
    y.append("control_addr: ").append(ip).append('\n');
    y.append("mgmt_svc_replicas: ['").append(String.join("', '", replicas)).append("']\n");
    y.append("provider: ofi+tcp\n");
    if (crtTimeout > 0) {
      y.append("crt_timeout: ").append(crtTimeout).append('\n');
    }
    if (telemetryPort > 0) {
      y.append("telemetry_port: ").append(telemetryPort).append('\n');
    }
    y.append("fault_path: /host").append(index).append('\n');
    y.append("socket_dir: ").append(dir.resolve("run")).append('\n');
    y.append("control_log_mask: INFO\n");
    y.append("control_log_file: ").append(dir.resolve("log/daos_server.log")).append('\n');
    y.append(transportYaml);
    y.append("engines:\n");
    List<String> env = new ArrayList<>(extraEnv);
    env.addAll(engineEnv);
    if (env.stream().noneMatch(e -> e.startsWith("RDB_ELECTION_TIMEOUT="))) {
      env.add(0, RDB_ELECTION_TIMEOUT);
    }
    for (int i = 0; i < fabricPorts.size(); i++) {
      y.append("  - targets: ").append(targets).append("\n    nr_xs_helpers: 0\n    fabric_iface: lo\n");
      y.append("    fabric_iface_port: ").append(fabricPorts.get(i)).append('\n');
      y.append("    log_file: ").append(dir.resolve("log/daos_engine." + i + ".log")).append('\n');
      y.append("    log_mask: INFO\n");
      if (!env.isEmpty()) {
        y.append("    env_vars: ['").append(String.join("', '", env)).append("']\n");
      }
      y.append("    storage:\n");
      y.append("      - class: dir\n        scm_mount: ").append(dir.resolve("scm" + i)).append('\n');
      y.append("      - class: file\n        bdev_list: [").append(dir.resolve("nvme" + i).resolve("bdev" + i + ".img"))
          .append("]\n        bdev_size: ").append(bdevGb).append('\n');
    }
    return y.toString();
  }
}
