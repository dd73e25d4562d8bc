package io.daos.itest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One "host" of a {@link MiniDaosCluster}: a real {@code bin/daos_server} bound to its own loopback address
 * ({@code control_addr}) with its own socket dir, log dir and storage (SCM class {@code dir}, file bdev)
 * under {@code dir}. Engines are the server's child processes.
 */
final class ClusterHost {
  /**
   * Nine JVMs share two cores: C1 only and the serial GC keep start-up from starving the MS's Raft
   * heartbeats. Servers get them from the environment, engines through {@code env_vars}. (Not the launchers'
   * JDAOS_CLI mode: its first run keeps a shell as the parent of the JVM, and kill -9 must hit the JVM.)
   */
  static final String JVM_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1";

  private final int index;
  private final String ip;
  private final int port;
  private final Path dir;
  private final Path config;
  private final List<Integer> fabricPorts;
  private final List<ProcessHandle> orphans = new ArrayList<>();
  private Process process;
  private int launches;

  ClusterHost(HostConfig cfg) throws IOException {
    this.index = cfg.index();
    this.ip = cfg.ip();
    this.port = cfg.port();
    this.dir = cfg.dir();
    this.fabricPorts = cfg.fabricPorts();
    this.config = dir.resolve("daos_server.yml");
    Files.createDirectories(dir.resolve("log"));
    Files.writeString(config, cfg.yaml(List.of("JDAOS_JAVA_OPTS=" + JVM_OPTS)));
  }

  int index() {
    return index;
  }

  /** "ip:port", the host's identity in the MS. */
  String addr() {
    return ip + ":" + port;
  }

  Path dir() {
    return dir;
  }

  List<Integer> fabricPorts() {
    return fabricPorts;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  Optional<Process> process() {
    return Optional.ofNullable(process);
  }

  /** Starts daos_server and waits until its gRPC port accepts connections. */
  void launch(Duration timeout) throws IOException {
    spawn();
    awaitListening(timeout);
  }

  /** Starts the daos_server process without waiting for it. */
  void spawn() throws IOException {
    awaitOrphansGone();
    Path out = dir.resolve("log/daos_server.stdout." + launches++);
    ProcessBuilder pb = new ProcessBuilder(Launchers.bin("daos_server").toString(), "start", "-o", config.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().put("JDAOS_JAVA_OPTS", JVM_OPTS);
    process = pb.start();
  }

  /** Waits until the gRPC port accepts connections; fails at once if the server exits. */
  void awaitListening(Duration timeout) {
    Poll.until("host " + addr() + " listening", timeout, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("daos_server " + addr() + " exited (" + process.exitValue() + ")\n" + log());
      }
      return listening();
    }, this::log);
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The engine processes: the server's daos_engine descendants. */
  List<ProcessHandle> engines() {
    if (process == null) {
      return List.of();
    }
    return process.toHandle().descendants()
        .filter(ServerProcess::isEngine).toList();
  }

  /** The engine process with instance index {@code idx} ({@code -I idx}), if running. */
  Optional<ProcessHandle> engine(int idx) {
    return engines().stream().filter(ph -> ServerProcess.commandLine(ph).contains(" -I " + idx + " ")).findFirst();
  }

  /** kill -9 of daos_server; its engines notice their parent is gone and exit on their own. */
  void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    orphans.addAll(process.toHandle().descendants().toList());
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGSTOP of daos_server and its engines: the host is cut off (connections are accepted by the kernel but
   * nothing answers), as a hung or partitioned host looks to the others.
   */
  void freeze() {
    signalTree("-STOP");
  }

  /** SIGCONT of everything {@link #freeze()} stopped. */
  void thaw() {
    signalTree("-CONT");
  }

  private void signalTree(String signal) {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("kill", signal, Long.toString(process.pid())));
    process.toHandle().descendants().forEach(ph -> cmd.add(Long.toString(ph.pid())));
    CommandResult r = Commands.run(cmd, Duration.ofSeconds(10));
    if (r.exitCode() != 0) {
      System.err.println("kill " + signal + " on host " + addr() + ": " + r);
    }
  }

  /** SIGCONT (in case it was frozen), SIGTERM (as systemctl stop), then SIGKILL of whatever is left. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    thaw();
    List<ProcessHandle> tree = process.toHandle().descendants().toList();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    orphans.forEach(ProcessHandle::destroyForcibly);
  }

  /** Engines left by a killed server hold their fabric ports: give them time to exit, then force it. */
  private void awaitOrphansGone() {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (ProcessHandle ph : orphans) {
      Poll.exited(ph, Duration.ofNanos(deadline - System.nanoTime()));
      ph.destroyForcibly();
      ph.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> ph).join();
    }
    orphans.clear();
  }

  /** The tail of every log file of this host, for failure messages. */
  String log() {
    StringBuilder b = new StringBuilder("=== host ").append(addr()).append('\n');
    try (var files = Files.list(dir.resolve("log"))) {
      for (Path p : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        int tail = p.getFileName().toString().contains("stdout") ? 5 : 30;
        b.append("==> ").append(p.getFileName()).append('\n');
        lines.subList(Math.max(0, lines.size() - tail), lines.size()).forEach(l -> b.append(l).append('\n'));
      }
    } catch (IOException | RuntimeException e) {
      b.append("(logs unreadable: ").append(e).append(")\n");
    }
    return b.toString();
  }
}
