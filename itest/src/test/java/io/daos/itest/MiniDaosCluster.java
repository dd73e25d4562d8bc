package io.daos.itest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * N daos_server hosts × M engines × K MS replicas as real processes on one machine (DESIGN §5). Host i is
 * {@code 127.0.0.(2+i)} on one shared control port (DAOS's 10001 when it and 10002 are free on every
 * address); the first K hosts are {@code mgmt_svc_replicas}. Every engine gets a free fabric port whose
 * successor is free too. dmg runs with every host in its host list. {@link #close()} always stops every
 * process it started, also after a failed start.
 */
final class MiniDaosCluster implements AutoCloseable {
  static final int DAOS_PORT = 10001;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final List<ClusterHost> hosts = new ArrayList<>();
  private final int enginesPerHost;
  private final Path controlConfig;

  private MiniDaosCluster(Builder b) throws IOException {
    this.enginesPerHost = b.engines;
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < b.servers; i++) {
      ips.add("127.0.0." + (2 + i));
    }
    int port = Ports.sharedControlPort(ips, DAOS_PORT);
    List<String> replicas = ips.subList(b.firstReplica, b.firstReplica + b.replicas).stream()
        .map(ip -> ip + ":" + port).toList();
    Set<Integer> taken = new HashSet<>(Set.of(port, port + 1));
    for (int i = 0; i < b.servers; i++) {
      List<Integer> fabric = new ArrayList<>();
      for (int e = 0; e < b.engines; e++) {
        fabric.add(Ports.freePairExcept(taken));
      }
      hosts.add(new ClusterHost(i, ips.get(i), port, b.dir.resolve("host" + i), replicas, fabric, b.engineEnv));
    }
    this.controlConfig = b.dir.resolve("daos_control.yml");
    Files.writeString(controlConfig, "name: daos_server\nport: " + port + "\nhostlist: ['"
        + String.join("', '", hostAddrs()) + "']\ntransport_config:\n  allow_insecure: true\n");
  }

  static Builder builder(Path dir) {
    return new Builder(dir);
  }

  private void start() throws IOException {
    Launchers.requirePackaged("daos-server", "daos-engine", "dmg");
    long t0 = System.nanoTime();
    for (ClusterHost h : hosts) {
      h.spawn();
    }
    for (ClusterHost h : hosts) {
      h.awaitListening(START_TIMEOUT);
    }
    dmg("system", "leader-query"); // warm-up: dmg's first run records its CDS archive, slow on a busy machine
    System.out.printf("MiniDaosCluster: %d daos_server listening after %d ms%n", hosts.size(),
        (System.nanoTime() - t0) / 1_000_000);
    CommandResult format = dmg("storage", "format");
    System.out.printf("MiniDaosCluster: storage format done after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    if (format.exitCode() != 0) {
      throw new AssertionError("storage format failed: " + format + "\n" + logs());
    }
  }

  List<String> hostAddrs() {
    return hosts.stream().map(ClusterHost::addr).toList();
  }

  ClusterHost host(int i) {
    return hosts.get(i);
  }

  int size() {
    return hosts.size();
  }

  /** Index of the host whose control address is {@code addr} ("ip:port"). */
  int hostIndex(String addr) {
    for (ClusterHost h : hosts) {
      if (h.addr().equals(addr)) {
        return h.index();
      }
    }
    throw new AssertionError("no host " + addr + " in " + hostAddrs());
  }

  /** Waits until every engine of every host is a member in state "joined". */
  void waitForReady() {
    waitForMembers(hosts.size() * enginesPerHost, "joined", START_TIMEOUT);
  }

  /** Waits until {@code count} members exist and all are in {@code state}. */
  void waitForMembers(int count, String state, Duration timeout) {
    Poll.until(count + " members " + state, timeout, () -> {
      Map<Integer, JsonObject> ms = members();
      return ms.size() == count && ms.values().stream().allMatch(m -> state.equals(m.get("state").getAsString()));
    }, () -> "last query: " + dmg("-j", "system", "query").stdout() + "\n" + logs());
  }

  /** Runs {@code bin/dmg -i -o <control config> args...} (every host in the host list). */
  CommandResult dmg(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Launchers.bin("dmg").toString(), "-i", "-o",
        controlConfig.toString()));
    cmd.addAll(List.of(args));
    return Commands.run(cmd, Duration.ofSeconds(90));
  }

  /**
   * Runs {@code dmg -j args...} with its request deadline set to {@code deadline} (jdaos's JDAOS_DMG_TIMEOUT)
   * and fails if dmg itself runs much longer than that.
   */
  CommandResult dmgWithin(Duration deadline, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Launchers.bin("dmg").toString(), "-i", "-o",
        controlConfig.toString(), "-j"));
    cmd.addAll(List.of(args));
    return Commands.run(cmd, Map.of("JDAOS_DMG_TIMEOUT", deadline.toSeconds() + "s"),
        deadline.plusSeconds(60));
  }

  /** Runs dmg with -j and returns the parsed envelope ({response, error, status}). */
  JsonObject dmgJson(String... args) {
    String[] withJ = new String[args.length + 1];
    withJ[0] = "-j";
    System.arraycopy(args, 0, withJ, 1, args.length);
    return dmg(withJ).json();
  }

  /** dmg -j against one host only ({@code -l addr} after the subcommand words). */
  JsonObject dmgJsonOn(int host, String... args) {
    List<String> a = new ArrayList<>(List.of("-j", "-l", hosts.get(host).addr()));
    a.addAll(List.of(args));
    return dmg(a.toArray(String[]::new)).json();
  }

  /** Members of {@code dmg -j system query} by rank; empty when the query fails. */
  Map<Integer, JsonObject> members() {
    Map<Integer, JsonObject> out = new TreeMap<>();
    JsonElement resp = dmgJson("system", "query").get("response");
    if (resp == null || !resp.isJsonObject() || !resp.getAsJsonObject().has("members")
        || !resp.getAsJsonObject().get("members").isJsonArray()) {
      return out;
    }
    JsonArray arr = resp.getAsJsonObject().getAsJsonArray("members");
    arr.forEach(e -> out.put(e.getAsJsonObject().get("rank").getAsInt(), e.getAsJsonObject()));
    return out;
  }

  /** kill -9 of the engine serving {@code rank}. */
  void killEngine(int rank) {
    JsonObject m = members().get(rank);
    if (m == null) {
      throw new AssertionError("rank " + rank + " is not a member");
    }
    ClusterHost h = hosts.get(hostIndex(m.get("addr").getAsString()));
    String uri = m.get("fabric_uri").getAsString();
    int port = Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
    int idx = h.fabricPorts().indexOf(port);
    ProcessHandle engine = h.engine(idx).orElseThrow(() -> new AssertionError("no engine " + idx + " on " + h.addr()));
    engine.destroyForcibly();
    engine.onExit().join();
  }

  /** kill -9 of host {@code i}'s daos_server (its engines exit on their own). */
  void killServer(int i) throws InterruptedException {
    hosts.get(i).kill();
  }

  /** Starts host {@code i}'s daos_server again on the same config and storage. */
  void restartServer(int i) throws IOException, InterruptedException {
    ClusterHost h = hosts.get(i);
    if (h.isAlive()) {
      h.stop();
    }
    h.launch(START_TIMEOUT);
  }

  /** Log tails of every host. */
  String logs() {
    StringBuilder b = new StringBuilder();
    hosts.forEach(h -> b.append(h.log()));
    return b.toString();
  }

  @Override
  public void close() {
    for (ClusterHost h : hosts) {
      try {
        h.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        System.err.println("stopping host " + h.addr() + ": " + e);
      }
    }
  }

  /** N servers × M engines × K replicas (default 3 × 2 × 3). */
  static final class Builder {
    private final Path dir;
    private int servers = 3;
    private int engines = 2;
    private int replicas = 3;
    private int firstReplica = 0;
    private List<String> engineEnv = List.of();

    private Builder(Path dir) {
      this.dir = dir;
    }

    Builder servers(int n) {
      servers = n;
      return this;
    }

    Builder engines(int m) {
      engines = m;
      return this;
    }

    Builder replicas(int k) {
      replicas = k;
      return this;
    }

    /** The MS replicas are the hosts from index {@code i} on (default 0: the first hosts). */
    Builder firstReplica(int i) {
      firstReplica = i;
      return this;
    }

    /** Extra {@code NAME=value} entries of every engine's {@code env_vars} (e.g. SWIM timings). */
    Builder engineEnv(String... entries) {
      engineEnv = List.of(entries);
      return this;
    }

    /** Writes configs, starts every daos_server and formats storage; closes everything on failure. */
    MiniDaosCluster start() throws IOException {
      if (replicas < 1 || firstReplica < 0 || firstReplica + replicas > servers || replicas % 2 == 0) {
        throw new IllegalArgumentException("replicas must be odd and at most servers: " + replicas);
      }
      MiniDaosCluster c = new MiniDaosCluster(this);
      try {
        c.start();
        return c;
      } catch (IOException | RuntimeException | Error e) {
        c.close();
        throw e;
      }
    }
  }
}
