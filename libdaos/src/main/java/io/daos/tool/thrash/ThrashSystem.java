package io.daos.tool.thrash;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real-process system of a thrash run: {@code hosts} daos_server processes, one per loopback address from
 * 127.0.0.2, each with one engine of {@code targets} targets, a shared control port, the first three hosts MS
 * replicas, each host its own fault domain ({@code fault_path /hostN}), all state under one private directory; plus a
 * daos_agent. Everything it starts it stops in {@link #close()}.
 */
public final class ThrashSystem implements AutoCloseable {
  /** C1 only and the serial GC: ten JVMs share this machine's cores (as itest's ClusterHost runs them). */
  static final String JVM_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1";
  /** Short SWIM timings (as the itests use): period 200 ms, ping timeout 150 ms, suspect timeout 2 s. */
  static final List<String> SHORT_SWIM = List.of("SWIM_PROTOCOL_PERIOD_LEN=200", "SWIM_PING_TIMEOUT=150",
      "SWIM_SUSPECT_TIMEOUT=2000");
  private static final Pattern EXITED = Pattern.compile("instance (\\d+), pid (\\d+)(?:, rank (\\d+))? exited with "
      + "status: (.*)");

  private final Path bin;
  private final Path dir;
  private final int hosts;
  private final int targets;
  private final int port;
  private final List<String> ips = new ArrayList<>();
  private final List<Integer> fabricPorts = new ArrayList<>();
  private final List<Process> servers = new ArrayList<>();
  private final Set<Long> killedPids = new HashSet<>();
  private final Path controlConfig;
  private final Path agentDir;
  private Process agent;
  private final Map<String, String> env;

  public ThrashSystem(Path bin, Path dir, int hosts, int targets, boolean shortSwim) throws IOException {
    this.bin = bin;
    this.dir = dir;
    this.hosts = hosts;
    this.targets = targets;
    for (int i = 0; i < hosts; i++) {
      ips.add("127.0.0." + (i + 2));
    }
    this.port = sharedControlPort();
    Set<Integer> taken = new HashSet<>(List.of(port, port + 1));
    for (int i = 0; i < hosts; i++) {
      fabricPorts.add(freePair(taken));
    }
    List<String> replicas = new ArrayList<>();
    for (int i = 0; i < Math.min(3, hosts); i++) {
      replicas.add(ips.get(i) + ":" + port);
    }
    List<String> engineEnv = new ArrayList<>(List.of("JDAOS_JAVA_OPTS=" + JVM_OPTS));
    if (shortSwim) {
      engineEnv.addAll(SHORT_SWIM);
    }
    for (int i = 0; i < hosts; i++) {
      Path h = hostDir(i);
      Files.createDirectories(h.resolve("log"));
      Files.writeString(h.resolve("daos_server.yml"), serverYaml(i, replicas, engineEnv));
    }
    List<String> hostlist = ips.stream().map(ip -> ip + ":" + port).toList();
    controlConfig = dir.resolve("daos_control.yml");
    Files.writeString(controlConfig, "name: daos_server\nport: " + port + "\nhostlist: ['"
        + String.join("', '", hostlist) + "']\ntransport_config:\n  allow_insecure: true\n");
    agentDir = dir.resolve("agent");
    env = Map.of("JDAOS_JAVA_OPTS", JVM_OPTS);
  }

  Path dir() {
    return dir;
  }

  public Path hostDir(int i) {
    return dir.resolve("host" + i);
  }

  public Path agentSocketDir() {
    return agentDir.resolve("run");
  }

  /** Host {@code i}'s control-plane address (its daos_server's gRPC port is {@link #controlPort()}). */
  public String hostIp(int i) {
    return ips.get(i);
  }

  public int controlPort() {
    return port;
  }

  /** Host {@code i}'s engine CART-J (fabric) port. */
  public int fabricPort(int i) {
    return fabricPorts.get(i);
  }

  /** Host {@code i}'s socket_dir: daos_server.sock and the engine's dRPC socket. */
  public Path serverSocketDir(int i) {
    return hostDir(i).resolve("run");
  }

  /** The daemons now running, by name ("daos_server host0", "daos_engine host0", "daos_agent"). */
  public Map<String, ProcessHandle> daemons() {
    Map<String, ProcessHandle> out = new LinkedHashMap<>();
    for (int i = 0; i < servers.size(); i++) {
      out.put("daos_server host" + i, servers.get(i).toHandle());
      int h = i;
      engine(i).ifPresent(e -> out.put("daos_engine host" + h, e));
    }
    if (agent != null) {
      out.put("daos_agent", agent.toHandle());
    }
    return out;
  }

  int targetsPerEngine() {
    return targets;
  }

  private String serverYaml(int i, List<String> replicas, List<String> engineEnv) {
    Path h = hostDir(i);
    StringBuilder y = new StringBuilder();
    y.append("name: daos_server\nport: ").append(port).append('\n');
    y.append("control_addr: ").append(ips.get(i)).append('\n');
    y.append("mgmt_svc_replicas: ['").append(String.join("', '", replicas)).append("']\n");
    y.append("provider: ofi+tcp\n");
    y.append("fault_path: /host").append(i).append('\n');
    y.append("socket_dir: ").append(h.resolve("run")).append('\n');
    y.append("control_log_mask: INFO\n");
    y.append("control_log_file: ").append(h.resolve("log/daos_server.log")).append('\n');
    y.append("transport_config:\n  allow_insecure: true\n");
    y.append("engines:\n");
    y.append("  - targets: ").append(targets).append("\n    nr_xs_helpers: 0\n    fabric_iface: lo\n");
    y.append("    fabric_iface_port: ").append(fabricPorts.get(i)).append('\n');
    y.append("    log_file: ").append(h.resolve("log/daos_engine.0.log")).append('\n');
    y.append("    log_mask: INFO\n");
    y.append("    env_vars: ['").append(String.join("', '", engineEnv)).append("']\n");
    y.append("    storage:\n");
    y.append("      - class: dir\n        scm_mount: ").append(h.resolve("scm0")).append('\n');
    y.append("      - class: file\n        bdev_list: [").append(h.resolve("bdev0.img")).append("]\n");
    y.append("        bdev_size: 4\n");
    return y.toString();
  }

  // --- start ----------------------------------------------------------------------------------------------------

  /** Starts the servers, formats, waits for every rank to join, starts the agent. */
  public void start(Duration timeout) throws IOException {
    for (int i = 0; i < hosts; i++) {
      ProcessBuilder pb = new ProcessBuilder(bin.resolve("daos_server").toString(), "start", "-o",
          hostDir(i).resolve("daos_server.yml").toString()).redirectErrorStream(true)
          .redirectOutput(hostDir(i).resolve("log/daos_server.stdout").toFile())
          .redirectInput(ProcessBuilder.Redirect.PIPE);
      pb.environment().putAll(env);
      servers.add(pb.start());
    }
    for (int i = 0; i < hosts; i++) {
      String ip = ips.get(i);
      int h = i;
      waitFor("daos_server " + ip + ":" + port + " listening", timeout, () -> {
        if (!servers.get(h).isAlive()) {
          throw new IllegalStateException("daos_server " + ip + " exited (" + servers.get(h).exitValue() + "); see "
              + hostDir(h).resolve("log"));
        }
        return listening(ip, port);
      });
    }
    waitFor("dmg system leader-query", timeout, () -> dmg(Duration.ofSeconds(60), "system", "leader-query").ok());
    Cmd format = dmg(Duration.ofSeconds(180), "storage", "format");
    if (!format.ok()) {
      throw new IllegalStateException("dmg storage format failed: " + format);
    }
    waitFor(hosts + " ranks joined", timeout, () -> {
      Map<Integer, JsonObject> m = members();
      return m.size() == hosts && m.values().stream().allMatch(o -> "joined".equals(str(o, "state")));
    });
    Files.createDirectories(agentDir.resolve("run"));
    Path cfg = agentDir.resolve("daos_agent.yml");
    Files.writeString(cfg, "name: daos_server\naccess_points: ['" + ips.get(0) + ":" + port + "']\nport: " + port
        + "\nruntime_dir: " + agentSocketDir() + "\nlog_file: " + agentDir.resolve("daos_agent.log")
        + "\ntransport_config:\n  allow_insecure: true\n");
    ProcessBuilder pb = new ProcessBuilder(bin.resolve("daos_agent").toString(), "-o", cfg.toString(), "start")
        .redirectErrorStream(true).redirectOutput(agentDir.resolve("daos_agent.stdout").toFile());
    pb.environment().putAll(env);
    agent = pb.start();
    waitFor("daos_agent socket", timeout, () -> {
      if (!agent.isAlive()) {
        throw new IllegalStateException("daos_agent exited; see " + agentDir.resolve("daos_agent.stdout"));
      }
      return Files.exists(agentSocketDir().resolve("daos_agent.sock"));
    });
  }

  // --- dmg ------------------------------------------------------------------------------------------------------

  /** The outcome of one command. */
  record Cmd(int exit, String out) {
    boolean ok() {
      return exit == 0;
    }

    /** The JSON envelope of a {@code dmg -j} run, or null. */
    JsonObject json() {
      int i = out.indexOf('{');
      if (i < 0) {
        return null;
      }
      try {
        return JsonParser.parseString(out.substring(i)).getAsJsonObject();
      } catch (RuntimeException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      String o = out.strip();
      return "exit " + exit + ": " + (o.length() > 600 ? o.substring(0, 600) + "..." : o);
    }
  }

  Cmd dmg(Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>(List.of(bin.resolve("dmg").toString(), "-i", "-o",
        controlConfig.toString()));
    cmd.addAll(List.of(args));
    return run(cmd, timeout);
  }

  /** {@code dmg -j args}: the "response" object, or null when the command failed. */
  JsonObject dmgJson(String... args) {
    String[] withJ = new String[args.length + 1];
    withJ[0] = "-j";
    System.arraycopy(args, 0, withJ, 1, args.length);
    JsonObject env = dmg(Duration.ofSeconds(60), withJ).json();
    if (env == null || !env.has("response") || !env.get("response").isJsonObject()) {
      return null;
    }
    JsonElement err = env.get("error");
    if (err != null && !err.isJsonNull()) {
      return null;
    }
    return env.getAsJsonObject("response");
  }

  static Cmd run(List<String> cmd, Duration timeout) {
    try {
      Path out = Files.createTempFile("jdaos-thrash-cmd", ".out");
      try {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          return new Cmd(124, "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", cmd));
        }
        return new Cmd(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      return new Cmd(127, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Cmd(130, "interrupted");
    }
  }

  /** rank → member object of {@code dmg system query}; empty when the query fails. */
  public Map<Integer, JsonObject> members() {
    Map<Integer, JsonObject> out = new LinkedHashMap<>();
    JsonObject r = dmgJson("system", "query");
    if (r == null || !r.has("members") || !r.get("members").isJsonArray()) {
      return out;
    }
    JsonArray a = r.getAsJsonArray("members");
    for (JsonElement e : a) {
      JsonObject m = e.getAsJsonObject();
      out.put(m.get("rank").getAsInt(), m);
    }
    return out;
  }

  public static String str(JsonObject o, String k) {
    JsonElement e = o == null ? null : o.get(k);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  static long num(JsonObject o, String k) {
    JsonElement e = o == null ? null : o.get(k);
    return e == null || e.isJsonNull() ? -1 : e.getAsLong();
  }

  /** The host index serving {@code rank} (from its member address), or -1. */
  int hostOf(Map<Integer, JsonObject> members, int rank) {
    JsonObject m = members.get(rank);
    String addr = str(m, "addr");
    String ip = addr.contains(":") ? addr.substring(0, addr.lastIndexOf(':')) : addr;
    return ips.indexOf(ip);
  }

  // --- engines --------------------------------------------------------------------------------------------------

  /**
   * The pid of host {@code h}'s engine: the daos_engine process (or, without the native launcher, the JVM running
   * DaosEngineMain) whose command line names its SCM dir.
   */
  public Optional<ProcessHandle> engine(int h) {
    String scm = " -s " + hostDir(h).resolve("scm0") + " ";
    return ProcessHandle.allProcesses().filter(ph -> {
      String cl = commandLine(ph);
      String argv0 = cl.split(" ", 2)[0];
      boolean engine = argv0.endsWith("/daos_engine") || cl.contains("io.daos.engine.DaosEngineMain");
      return engine && cl.contains(scm);
    }).findFirst();
  }

  /** SIGKILL of host {@code h}'s engine; returns its pid, which the crash scan then does not count. */
  long killEngine(int h) {
    ProcessHandle ph = engine(h).orElseThrow(() -> new IllegalStateException("no engine process on host " + h));
    synchronized (killedPids) {
      killedPids.add(ph.pid());
    }
    ph.destroyForcibly();
    ph.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> ph).join();
    return ph.pid();
  }

  static String commandLine(ProcessHandle ph) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(ph.pid()), "cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  // --- crash scan -----------------------------------------------------------------------------------------------

  /** One process that died without the tool killing it, or a log line that says something crashed. */
  public record Crash(String what, String detail) {
  }

  /**
   * Daemons that died on their own: daos_server or daos_agent processes no longer alive, engine exits that
   * daos_server logged for a pid the tool did not kill; plus the count of exception stack traces per log.
   */
  public List<Crash> crashes() {
    List<Crash> out = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      Process p = servers.get(i);
      if (!p.isAlive()) {
        out.add(new Crash("daos_server host" + i, "exited with " + p.exitValue()));
      }
    }
    if (agent != null && !agent.isAlive()) {
      out.add(new Crash("daos_agent", "exited with " + agent.exitValue()));
    }
    for (int i = 0; i < hosts; i++) {
      for (String line : lines(hostDir(i).resolve("log/daos_server.log"))) {
        Matcher m = EXITED.matcher(line);
        if (m.find()) {
          long pid = Long.parseLong(m.group(2));
          boolean killed;
          synchronized (killedPids) {
            killed = killedPids.contains(pid);
          }
          if (!killed) {
            out.add(new Crash("daos_engine host" + i + " pid " + pid, "exited with status: " + m.group(4)));
          }
        }
      }
    }
    return out;
  }

  /** Log file → number of lines that start a Java exception report ("Exception"/"Error:" at a line start or "\tat"-led). */
  public Map<String, Integer> exceptionLines() {
    Map<String, Integer> out = new LinkedHashMap<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < hosts; i++) {
      try (var s = Files.list(hostDir(i).resolve("log"))) {
        s.sorted().forEach(logs::add);
      } catch (IOException e) {
        // no logs yet
      }
    }
    logs.add(agentDir.resolve("daos_agent.log"));
    logs.add(agentDir.resolve("daos_agent.stdout"));
    Pattern exc = Pattern.compile("^(Exception in thread|[\\w.$]+(Exception|Error)(: .*)?$)");
    for (Path p : logs) {
      int n = 0;
      for (String l : lines(p)) {
        if (exc.matcher(l).find()) {
          n++;
        }
      }
      if (n > 0) {
        out.put(dir.relativize(p).toString(), n);
      }
    }
    return out;
  }

  private static List<String> lines(Path p) {
    try {
      return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.ISO_8859_1) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  /** Polls {@code cond} every 250 ms until true or {@code timeout}; false on timeout. */
  static boolean poll(Duration timeout, BooleanSupplier cond) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (cond.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static void waitFor(String what, Duration timeout, BooleanSupplier cond) {
    if (!poll(timeout, cond)) {
      throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
  }

  private static boolean listening(String ip, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private int sharedControlPort() throws IOException {
    Random r = new Random();
    int top = ephemeralLow() - 2;
    for (int i = 0; i < 500; i++) {
      int p = 12000 + r.nextInt(top - 12000);
      boolean ok = true;
      for (String ip : ips) {
        ok &= isFree(ip, p) && isFree(ip, p + 1);
      }
      if (ok && isFree("127.0.0.1", p) && isFree("127.0.0.1", p + 1)) {
        return p;
      }
    }
    throw new IOException("no control port pair free on all of " + ips);
  }

  /** A free pair p, p+1 below the ephemeral range (an engine's fabric port and its pool-service Raft port). */
  private static int freePair(Set<Integer> taken) throws IOException {
    Random r = new Random();
    int top = ephemeralLow() - 2;
    for (int i = 0; i < 500; i++) {
      int p = 12000 + r.nextInt(top - 12000);
      if (!taken.contains(p) && !taken.contains(p + 1) && isFree("127.0.0.1", p) && isFree("127.0.0.1", p + 1)) {
        taken.add(p);
        taken.add(p + 1);
        return p;
      }
    }
    throw new IOException("no free port pair on loopback");
  }

  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Math.max(13000, Integer.parseInt(range.split("\\s+")[0]));
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }

  private static boolean isFree(String ip, int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(ip))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the agent and the servers (SIGTERM, then SIGKILL), and any engine left behind. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>();
    for (Process p : servers) {
      p.toHandle().descendants().forEach(tree::add);
    }
    for (int h = 0; h < hosts; h++) {
      engine(h).ifPresent(tree::add);
    }
    if (agent != null) {
      agent.toHandle().descendants().forEach(tree::add);
      agent.destroy();
    }
    servers.forEach(Process::destroy);
    for (Process p : servers) {
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
      }
    }
    if (agent != null) {
      agent.destroyForcibly();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
