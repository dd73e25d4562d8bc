package io.daos.itest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.common.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code bin/daos_server} process on loopback with a private config, socket dir, storage and free
 * ports, driven through the real {@code bin/dmg}. Always {@link #close()}: it stops the server and kills any
 * process left in its tree.
 */
final class ServerProcess implements AutoCloseable {
  private final Path dir;
  private final Path bin;
  private final int port;
  private final int engines;
  private final boolean scmOnly;
  private final Path config;
  private final Path controlConfig;
  private final List<Integer> fabricPorts = new ArrayList<>();
  private Process process;
  private int restarts;

  private ServerProcess(Path dir, int engines, Path bin, boolean scmOnly) throws IOException {
    this.scmOnly = scmOnly;
    this.dir = dir;
    this.bin = bin;
    this.engines = engines;
    this.port = Ports.freePair();
    this.config = dir.resolve("daos_server.yml");
    this.controlConfig = dir.resolve("daos_control.yml");
    Files.writeString(config, serverYaml());
    Files.writeString(controlConfig, "name: daos_server\nport: " + port + "\nhostlist: ['localhost:" + port
        + "']\ntransport_config:\n  allow_insecure: true\n");
  }

  /** Writes the config and starts daos_server; storage is not formatted yet. */
  static ServerProcess start(Path dir, int engines) throws IOException {
    return start(dir, engines, false);
  }

  /** The same; with {@code scmOnly} the engines get no bdev (an SCM-only system, all of a pool on SCM). */
  static ServerProcess start(Path dir, int engines, boolean scmOnly) throws IOException {
    Launchers.requirePackaged("daos-server", "daos-engine", "dmg");
    ServerProcess s = new ServerProcess(dir, engines, Launchers.bin("daos_server").getParent(), scmOnly);
    s.launch();
    return s;
  }

  /** As {@link #start(Path, int)} with the daos_server and dmg of {@code bin} (an installed layout's bin dir). */
  static ServerProcess start(Path dir, int engines, Path bin) throws IOException {
    ServerProcess s = new ServerProcess(dir, engines, bin, false);
    s.launch();
    return s;
  }

  private String serverYaml() throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("name: daos_server\nport: ").append(port).append('\n');
    y.append("mgmt_svc_replicas: ['localhost:").append(port).append("']\n");
    y.append("provider: ofi+tcp\n");
    y.append("socket_dir: ").append(dir.resolve("run")).append('\n');
    y.append("control_log_mask: DEBUG\n");
    y.append("control_log_file: ").append(dir.resolve("log/daos_server.log")).append('\n');
    y.append("transport_config:\n  allow_insecure: true\n");
    y.append("engines:\n");
    for (int i = 0; i < engines; i++) {
      y.append("  - targets: 2\n    nr_xs_helpers: 0\n    fabric_iface: lo\n");
      int fabricPort = Ports.freePair();
      fabricPorts.add(fabricPort);
      y.append("    fabric_iface_port: ").append(fabricPort).append('\n');
      y.append("    log_file: ").append(dir.resolve("log/daos_engine." + i + ".log")).append('\n');
      y.append("    log_mask: ").append(System.getProperty("itest.engineLogMask", "INFO")).append("\n    storage:\n");
      y.append("      - class: dir\n        scm_mount: ").append(dir.resolve("scm" + i)).append('\n');
      if (!scmOnly) {
        y.append("      - class: file\n        bdev_list: [").append(dir.resolve("bdev" + i + ".img"))
            .append("]\n        bdev_size: 1\n");
      }
    }
    return y.toString();
  }

  private void launch() throws IOException {
    Files.createDirectories(dir.resolve("log"));
    Path out = dir.resolve("log/daos_server.stdout." + restarts++);
    process = new ProcessBuilder(bin.resolve("daos_server").toString(), "start", "-o", config.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
    waitUntil("daos_server answers leader-query", Duration.ofSeconds(60),
        () -> dmg("system", "leader-query").exitCode() == 0);
  }

  Path dir() {
    return dir;
  }

  Path config() {
    return config;
  }

  int port() {
    return port;
  }

  Process process() {
    return process;
  }

  /** Runs {@code bin/dmg -i -o <control config> args...}. */
  CommandResult dmg(String... args) {
    List<String> cmd = new ArrayList<>(List.of(bin.resolve("dmg").toString(), "-i", "-o",
        controlConfig.toString()));
    cmd.addAll(List.of(args));
    return Commands.run(cmd, Duration.ofSeconds(90));
  }

  /** Runs dmg with -j and returns the envelope. */
  JsonObject dmgJson(String... args) {
    String[] withJ = new String[args.length + 1];
    withJ[0] = "-j";
    System.arraycopy(args, 0, withJ, 1, args.length);
    return dmg(withJ).json();
  }

  /** The members of {@code system query -j}, or an empty array when the query fails. */
  JsonArray members() {
    JsonObject env = dmgJson("system", "query");
    JsonElement resp = env.get("response");
    if (resp == null || resp.isJsonNull() || !resp.getAsJsonObject().has("members")) {
      return new JsonArray();
    }
    JsonElement m = resp.getAsJsonObject().get("members");
    return m.isJsonArray() ? m.getAsJsonArray() : new JsonArray();
  }

  String memberState(int rank) {
    for (JsonElement e : members()) {
      JsonObject m = e.getAsJsonObject();
      if (m.get("rank").getAsInt() == rank) {
        return m.get("state").getAsString();
      }
    }
    return "absent";
  }

  /** Waits until every configured engine is a member in {@code state}. */
  void waitForAll(String state, Duration timeout) {
    waitUntil("all " + engines + " ranks " + state, timeout, () -> {
      JsonArray ms = members();
      if (ms.size() != engines) {
        return false;
      }
      for (JsonElement e : ms) {
        if (!state.equals(e.getAsJsonObject().get("state").getAsString())) {
          return false;
        }
      }
      return true;
    });
  }

  /** Engine processes: the daos_engine children of daos_server. */
  List<ProcessHandle> engineProcesses() {
    return process.toHandle().descendants().filter(ServerProcess::isEngine).toList();
  }

  /**
   * A daos_engine process: named so by the native launcher (comm), or a plain JVM running DaosEngineMain where
   * the launcher was not built (no gcc).
   */
  static boolean isEngine(ProcessHandle ph) {
    return "daos_engine".equals(comm(ph.pid())) || commandLine(ph).contains("io.daos.engine.DaosEngineMain");
  }

  /** The process name (/proc/PID/comm) that ps, top and pgrep show, or "" when the process is gone. */
  static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** The argv of a process, from /proc. */
  static List<String> argv(long pid) {
    try {
      String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
      return List.of(raw.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The engine process serving {@code rank}: its member's fabric URI port names the config entry. */
  ProcessHandle engineOfRank(int rank) {
    for (JsonElement e : members()) {
      JsonObject m = e.getAsJsonObject();
      if (m.get("rank").getAsInt() != rank) {
        continue;
      }
      String uri = m.get("fabric_uri").getAsString();
      int idx = fabricPorts.indexOf(Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1)));
      String scm = " -s " + dir.resolve("scm" + idx) + " ";
      return engineProcesses().stream().filter(ph -> commandLine(ph).contains(scm)).findFirst()
          .orElseThrow(() -> new AssertionError("no engine process for rank " + rank + " (" + uri + ")"));
    }
    throw new AssertionError("rank " + rank + " is not a member: " + members());
  }

  /** The full command line from /proc (ProcessHandle.Info truncates it). */
  static String commandLine(ProcessHandle ph) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(ph.pid()), "cmdline")).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops daos_server with SIGTERM (as systemctl stop does) and waits for it. */
  int stop() throws InterruptedException {
    List<ProcessHandle> tree = process.toHandle().descendants().toList();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    return process.exitValue();
  }

  /** Restarts daos_server on the same config and storage. */
  void restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      stop();
    }
    launch();
  }

  String log() {
    StringBuilder b = new StringBuilder();
    try (var files = Files.list(dir.resolve("log"))) {
      for (Path p : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        b.append("==> ").append(p.getFileName()).append('\n');
        lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> b.append(l).append('\n'));
      }
    } catch (IOException e) {
      b.append("(logs unreadable: ").append(e).append(")");
    }
    return b.toString();
  }

  void waitUntil(String what, Duration timeout, java.util.function.BooleanSupplier cond) {
    Poll.until(what, timeout, () -> {
      if (cond.getAsBoolean()) {
        return true;
      }
      if (!process.isAlive()) {
        throw new AssertionError("daos_server exited (" + process.exitValue() + ") while waiting for " + what
            + "\n" + log());
      }
      return false;
    }, this::log);
  }

  /** Waits for a process to be gone (engines must never outlive their server). */
  void waitUntilDead(ProcessHandle ph, Duration timeout) {
    if (!Poll.exited(ph, timeout)) {
      ph.destroyForcibly();
      throw new AssertionError("process " + ph.pid() + " still alive after " + timeout);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      List<ProcessHandle> tree = process.toHandle().descendants().toList();
      if (process.isAlive()) {
        stop();
      }
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
