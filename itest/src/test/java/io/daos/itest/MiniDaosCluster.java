package io.daos.itest;

import io.daos.common.Ports;
import io.daos.control.config.TransportConfig;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.agent.DaosAgent;
import io.daos.agent.config.AgentConfig;
import io.daos.agent.config.CredentialConfig;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.transport.InMemoryTransport;
import io.daos.cart.CartTransport;
import io.daos.client.DaosClient;
import io.daos.control.ControlClient;
import io.daos.control.config.ControlConfig;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.SystemExcludeReq;
import io.daos.proto.mgmt.SystemExcludeResp;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
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
import java.util.UUID;

/**
 * N daos_server hosts × M engines × K MS replicas on one machine (DESIGN §5), behind one API whether they run
 * as real processes ({@link ProcessCluster}, the default) or as real {@code DaosServer}s and {@code DaosEngine}s
 * inside this JVM over the in-memory dRPC and CART-J transports ({@link Builder#inProcess()}). Host i is
 * {@code 127.0.0.(2+i)} on one shared control port; the first K hosts (from {@code firstReplica}) are
 * {@code mgmt_svc_replicas}. Every engine gets a free fabric port whose successor (its pool service's Raft port)
 * is free too. {@link #close()} always stops everything it started, also after a failed start.
 */
public abstract class MiniDaosCluster implements AutoCloseable {
  static final int DAOS_PORT = 10001;
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final List<HostConfig> hostConfigs = new ArrayList<>();
  private final int enginesPerHost;
  private final Path dir;
  private final Path controlConfig;
  private final int port;
  private final List<String> replicaAddrs;
  private final int targets;
  private final List<String> engineEnv;
  private final int crtTimeout;
  private final int bdevGb;
  private final boolean telemetry;
  private final Path certs;
  private DaosAgent agent;
  /** The agent's telemetry_port (client metrics registered and exported), when the cluster has telemetry. */
  private int agentTelemetryPort;
  /** Pool create and destroy as dmg sends them: DAOS's pool retry test, within a minute. */
  private static final io.daos.control.MsRequestOptions POOL_REQUEST =
      io.daos.control.RetryPolicy.POOL.withTimeout(Duration.ofSeconds(60)).options();
  /** Agents of {@link #clientBuilderAs}: uids from here up are ones no host names. */
  private static final long UNNAMED_UID_BASE = 3_900_000_000L;
  private final Map<CredentialConfig.MappedClientUser, OtherAgent> otherAgents = new java.util.HashMap<>();

  /** A free port for a host's telemetry_port when the cluster has telemetry, else 0 (disabled). */
  private int telemetryPort(Set<Integer> taken) throws IOException {
    if (!telemetry) {
      return 0;
    }
    int p = Ports.free();
    while (taken.contains(p)) {
      p = Ports.free();
    }
    taken.add(p);
    return p;
  }

  /**
   * The telemetry_port of the agent {@link #clientBuilder()} starts (0 before it started or without telemetry): with
   * telemetry, the agent has telemetry_enabled, so its clients register their metrics there.
   */
  public synchronized int agentTelemetryPort() {
    return agentTelemetryPort;
  }

  /** Host {@code i}'s telemetry_port (0 when the cluster was built without telemetry). */
  public int telemetryPort(int i) {
    return hostConfigs.get(i).telemetryPort();
  }

  MiniDaosCluster(Builder<?> b, int port) throws IOException {
    this.certs = b.certs;
    this.enginesPerHost = b.engines;
    this.dir = b.dir;
    this.port = port;
    List<String> ips = ips(b);
    List<String> replicas = ips.subList(b.firstReplica, b.firstReplica + b.replicas).stream()
        .map(ip -> ip + ":" + port).toList();
    this.replicaAddrs = replicas;
    this.targets = b.targets;
    this.engineEnv = b.engineEnv;
    this.crtTimeout = b.crtTimeout;
    this.bdevGb = b.bdevGb;
    this.telemetry = b.telemetry;
    Set<Integer> taken = new HashSet<>(Set.of(port, port + 1));
    for (int i = 0; i < b.servers; i++) {
      List<Integer> fabric = new ArrayList<>();
      for (int e = 0; e < b.engines; e++) {
        fabric.add(Ports.freePairExcept(taken));
      }
      hostConfigs.add(new HostConfig(i, ips.get(i), port, b.dir.resolve("host" + i), replicas, fabric,
          b.targets, b.engineEnv, b.crtTimeout, telemetryPort(taken), transportYaml("server"), b.bdevGb));
    }
    this.controlConfig = b.dir.resolve("daos_control.yml");
    writeControlConfig();
  }

  private void writeControlConfig() throws IOException {
    Files.writeString(controlConfig, "name: daos_server\nport: " + port + "\nhostlist: ['"
        + String.join("', '", hostAddrs()) + "']\n" + transportYaml("admin"));
  }

  /**
   * The {@code transport_config} block of a component's YAML: insecure, or (a secure cluster) the CA and
   * {@code <role>.crt/.key} of bin/gen_certificates.sh's layout, servers with {@code clients/} as client_cert_dir.
   */
  public String transportYaml(String role) {
    if (certs == null) {
      return "transport_config:\n  allow_insecure: true\n";
    }
    String y = "transport_config:\n  allow_insecure: false\n  ca_cert: " + certs.resolve("daosCA.crt") + "\n  cert: "
        + certs.resolve(role + ".crt") + "\n  key: " + certs.resolve(role + ".key") + "\n";
    return role.equals("server") ? y + "  client_cert_dir: " + certs.resolve("clients") + "\n" : y;
  }

  /** The cluster's transport_config for {@code role} as the control client reads it. */
  private TransportConfig transport(String role) {
    if (certs == null) {
      return TransportConfig.adminDefaults().withAllowInsecure(true);
    }
    return new TransportConfig(false, certs.resolve("daosCA.crt").toString(), certs.resolve(role + ".crt").toString(),
        certs.resolve(role + ".key").toString(), "");
  }

  /**
   * The config of one more host (the next index and address, the same MS replicas, engines per host, targets and
   * environment), added to the cluster and to dmg's host list; the caller starts and formats it.
   */
  HostConfig addHostConfig() throws IOException {
    int i = hostConfigs.size();
    String ip = "127.0.0." + (2 + i);
    if (!Ports.isFree(ip, port) || !Ports.isFree(ip, port + 1)) {
      throw new IOException("control port " + port + " (or " + (port + 1) + ") is taken on " + ip
          + "; cannot add host " + i);
    }
    Set<Integer> taken = new HashSet<>(Set.of(port, port + 1));
    hostConfigs.forEach(h -> h.fabricPorts().forEach(f -> {
      taken.add(f);
      taken.add(f + 1);
    }));
    List<Integer> fabric = new ArrayList<>();
    for (int e = 0; e < enginesPerHost; e++) {
      int f = Ports.freePairExcept(taken);
      taken.add(f);
      taken.add(f + 1);
      fabric.add(f);
    }
    HostConfig h = new HostConfig(i, ip, port, dir.resolve("host" + i), replicaAddrs, fabric, targets, engineEnv,
        crtTimeout, telemetryPort(taken), transportYaml("server"), bdevGb);
    hostConfigs.add(h);
    writeControlConfig();
    return h;
  }

  /** Host i's control address is 127.0.0.(2+i). */
  static List<String> ips(Builder<?> b) {
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < b.servers; i++) {
      ips.add("127.0.0." + (2 + i));
    }
    return ips;
  }

  /** A process cluster unless {@link Builder#inProcess()} is asked for. */
  public static Builder<ProcessCluster> builder(Path dir) {
    return new Builder<>(dir, ProcessCluster::new);
  }

  /** Starts the servers and formats storage. */
  abstract void start() throws IOException;

  /** How the cluster's clients reach daos_agent (and daos_server its engines). */
  public abstract DrpcTransport drpcTransport();

  /** How the cluster's clients reach the engines. */
  public abstract CartTransport cartTransport();

  /** Stops the engine serving {@code rank} as kill -9 would. */
  public abstract void killEngine(int rank);

  /** Kills host {@code i}'s daos_server (its engines go with it). */
  public abstract void killServer(int i) throws InterruptedException;

  /** Starts host {@code i}'s daos_server again on the same config and storage. */
  public abstract void restartServer(int i) throws IOException, InterruptedException;

  /**
   * Adds a freshly formatted host to the running system (a new daos_server with its engines, the cluster's MS
   * replicas, storage formatted) and waits until its engines have joined; returns the new host's index.
   */
  public abstract int addServer() throws IOException;

  /** Log tails of every host, for failure messages. */
  public abstract String logs();

  /** Stops the servers and engines. */
  abstract void stopHosts();

  List<HostConfig> hostConfigs() {
    return hostConfigs;
  }

  public List<String> hostAddrs() {
    return hostConfigs.stream().map(h -> h.ip() + ":" + h.port()).toList();
  }

  public int size() {
    return hostConfigs.size();
  }

  int enginesPerHost() {
    return enginesPerHost;
  }

  /** Where the cluster's configs, storage and agent live. */
  public Path dir() {
    return dir;
  }

  /** The daos_control.yml that dmg reads to reach this cluster (-o). */
  public Path controlConfig() {
    return controlConfig;
  }

  /** An admin control client (dmg's) with every host in its host list. */
  public ControlClient newControlClient() {
    ControlConfig cc = new ControlConfig("daos_server", port, hostAddrs(), transport("admin"), null);
    return ControlClient.builder().config(cc).build();
  }

  /**
   * A libdaos client attached through a real daos_agent (started in this JVM on first use, on the cluster's dRPC
   * transport): rank URIs from GetAttachInfo, an AUTH_SYS credential from RequestCreds.
   */
  public DaosClient newDaosClient() throws IOException {
    return clientBuilder().build();
  }

  /** A libdaos client builder set up as {@link #newDaosClient()} uses it (the agent started). */
  public synchronized DaosClient.Builder clientBuilder() throws IOException {
    if (agent == null) {
      Path run = dir.resolve("agent/run");
      AgentConfig cfg = AgentConfig.defaults().withRuntimeDir(run.toString()).withAccessPoints(hostAddrs())
          .withTransport(transport("agent"))
          .withCaching(true, Duration.ZERO);
      if (telemetry) {
        agentTelemetryPort = Ports.free();
        cfg = cfg.withTelemetry(new io.daos.agent.config.TelemetryConfig(agentTelemetryPort, true, Duration.ZERO,
            null, null));
      }
      DaosAgent a = DaosAgent.builder(cfg).drpcTransport(drpcTransport()).build();
      a.start();
      agent = a;
    }
    return DaosClient.builder().agentSocketDir(agent.socketPath().getParent()).agentTransport(drpcTransport())
        .transport(cartTransport());
  }

  /**
   * A libdaos client builder acting as another user: a second daos_agent (in this JVM) whose dRPC peers all have
   * a uid this host cannot name, which its {@code client_user_map} maps to {@code user} (group, groups). The agent
   * signs that identity as a real one signs a mapped user's; servers see {@code user@} and its groups. One agent
   * per user, closed with the cluster.
   */
  public synchronized DaosClient.Builder clientBuilderAs(CredentialConfig.MappedClientUser user) throws IOException {
    OtherAgent oa = otherAgents.get(user);
    if (oa == null) {
      long uid = UNNAMED_UID_BASE + otherAgents.size();
      Path run = dir.resolve("agent-" + otherAgents.size() + "/run");
      CredentialConfig cc = new CredentialConfig(Duration.ZERO, Map.of(uid, user));
      AgentConfig cfg = AgentConfig.defaults().withRuntimeDir(run.toString()).withAccessPoints(hostAddrs())
          .withTransport(transport("agent")).withCaching(true, Duration.ZERO).withCredentialConfig(cc);
      InMemoryTransport t = new InMemoryTransport(new PeerCredentials(ProcessHandle.current().pid(), uid, uid));
      DaosAgent a = DaosAgent.builder(cfg).drpcTransport(t).build();
      a.start();
      oa = new OtherAgent(a, t);
      otherAgents.put(user, oa);
    }
    return DaosClient.builder().agentSocketDir(oa.agent().socketPath().getParent()).agentTransport(oa.transport())
        .transport(cartTransport());
  }

  private record OtherAgent(DaosAgent agent, InMemoryTransport transport) {
  }

  /**
   * MS PoolCreate as {@code dmg pool create -z <total> <label>} sends it (6 % SCM, 94 % NVMe, every rank);
   * fails unless it succeeded.
   */
  public CreatedPool createPool(String label, long totalBytes, int svcReplicas) {
    return createPool(poolReq(label, svcReplicas).setTotalBytes(totalBytes).addTierRatio(0.06).addTierRatio(0.94));
  }

  /** MS PoolCreate as {@code dmg pool create --scm-size --nvme-size} sends it (sizes per rank). */
  public CreatedPool createPool(String label, long scmPerRank, long nvmePerRank, int svcReplicas) {
    return createPool(poolReq(label, svcReplicas).addTierBytes(scmPerRank).addTierBytes(nvmePerRank));
  }

  /** As above, on the given ranks only ({@code dmg pool create --ranks}). */
  public CreatedPool createPool(String label, long scmPerRank, int svcReplicas, List<Integer> ranks) {
    return createPool(poolReq(label, svcReplicas).addTierBytes(scmPerRank).addTierBytes(0).addAllRanks(ranks));
  }

  private static PoolCreateReq.Builder poolReq(String label, int svcReplicas) {
    String owner = System.getProperty("user.name") + "@";
    return PoolCreateReq.newBuilder().setUuid(UUID.randomUUID().toString()).setSys("daos_server").setUser(owner)
        .setUserGroup(owner).addProperties(PoolProperty.newBuilder().setNumber(1).setStrval(label))
        .setNumSvcReps(svcReplicas);
  }

  /** MS PoolCreate on every rank owned by {@code user}/{@code group} ("name@"), as {@code dmg pool create -u -g}. */
  public CreatedPool createPoolOwnedBy(String label, long scmPerRank, int svcReplicas, String user, String group) {
    return createPool(poolReq(label, svcReplicas).setUser(user).setUserGroup(group).addTierBytes(scmPerRank)
        .addTierBytes(0));
  }

  /** MS PoolUpdateACL ({@code dmg pool update-acl}); fails unless it succeeded. */
  public void poolUpdateAcl(String pool, java.util.List<String> entries) {
    ModifyACLReq req = ModifyACLReq.newBuilder().setSys("daos_server").setId(pool).addAllEntries(entries).build();
    try (ControlClient c = newControlClient()) {
      int status = c.invokeMs(MgmtSvcGrpc.getPoolUpdateACLMethod(), req, Duration.ofSeconds(60)).getStatus();
      if (status != 0) {
        throw new AssertionError("pool update-acl " + entries + ": status " + status);
      }
    }
  }

  /**
   * MS PoolCreate with per-rank tier sizes, whatever its outcome: 0 or the DER status it failed with (such as
   * DER_NOSPACE).
   */
  public int tryCreatePool(String label, long scmPerRank, long nvmePerRank, int svcReplicas) {
    try (ControlClient c = newControlClient()) {
      return c.invokeMs(MgmtSvcGrpc.getPoolCreateMethod(), poolReq(label, svcReplicas).addTierBytes(scmPerRank)
          .addTierBytes(nvmePerRank).build(), Duration.ofSeconds(60)).getStatus();
    } catch (io.daos.common.status.DaosException e) {
      return e.status().code();
    }
  }

  private CreatedPool createPool(PoolCreateReq.Builder req) {
    try (ControlClient c = newControlClient()) {
      // With dmg's retry test (DAOS's poolRequest.canRetry): right after ranks (re)join, the engines' group map
      // may not have them yet (DER_OOG), as for any dmg user.
      PoolCreateResp resp = c.invokeMs(MgmtSvcGrpc.getPoolCreateMethod(), req.build(),
          POOL_REQUEST);
      if (resp.getStatus() != 0) {
        throw new AssertionError("pool create: status " + resp.getStatus() + "\n" + logs());
      }
      return new CreatedPool(UUID.fromString(req.getUuid()), resp);
    }
  }

  /** A pool PoolCreate made: its UUID and the MS's answer (service replicas, sizes). */
  public record CreatedPool(UUID uuid, PoolCreateResp resp) {
  }

  /** MS PoolDestroy with {@code --force} and {@code --recursive}. */
  public void destroyPool(String label) {
    PoolDestroyReq req = PoolDestroyReq.newBuilder().setSys("daos_server").setId(label).setForce(true)
        .setRecursive(true).build();
    try (ControlClient c = newControlClient()) {
      // dmg's retry test too: a destroy right after a rank restarted can meet DER_OOG until the group map has it,
      // and a pool left behind keeps its reserved blobs on the disk until the class ends.
      c.invokeMs(MgmtSvcGrpc.getPoolDestroyMethod(), req,
          POOL_REQUEST);
    }
  }

  /** The socket of the cluster's daos_agent (started by {@link #clientBuilder()}). */
  public synchronized Path agentSocket() throws IOException {
    clientBuilder();
    return agent.socketPath();
  }

  /** MS SystemExclude of {@code ranks} ({@code dmg system exclude}, or {@code clear-exclude} when {@code clear}). */
  public SystemExcludeResp systemExclude(String ranks, boolean clear) {
    try (ControlClient c = newControlClient()) {
      return c.invokeMs(MgmtSvcGrpc.getSystemExcludeMethod(), SystemExcludeReq.newBuilder().setSys("daos_server")
          .setRanks(ranks).setClear(clear).build(), Duration.ofSeconds(30));
    }
  }

  /** The MS's SystemQuery answer. */
  public SystemQueryResp systemQuery() {
    try (ControlClient c = newControlClient()) {
      return c.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), SystemQueryReq.getDefaultInstance(),
          Duration.ofSeconds(10));
    }
  }

  /** Waits until every engine of every host is a member in state "joined". */
  public void waitForReady() {
    waitForMembers(size() * enginesPerHost, "joined", START_TIMEOUT);
  }

  /** Waits until {@code count} members exist and all are in {@code state}. */
  public void waitForMembers(int count, String state, Duration timeout) {
    String[] last = {""};
    Poll.until(count + " members " + state, timeout, () -> {
      try {
        SystemQueryResp q = systemQuery();
        last[0] = q.toString();
        return q.getMembersCount() == count && q.getMembersList().stream().allMatch(m -> state.equals(m.getState()));
      } catch (RuntimeException e) {
        last[0] = e.toString();
        return false;
      }
    }, () -> "last query: " + last[0] + "\n" + logs());
  }

  /**
   * Runs {@code dmg [-i] -o <control config> args...} (every host in the host list; -i unless secure): the
   * {@code bin/dmg} process, or dmg's code in this JVM where the cluster runs in it ({@link #runDmg}).
   */
  public CommandResult dmg(String... args) {
    return runDmg(dmgArgs(List.of(args)));
  }

  /** {@code args} after -i when the cluster is insecure. */
  private List<String> dmgArgs(List<String> args) {
    List<String> all = new ArrayList<>();
    if (certs == null) {
      all.add("-i");
    }
    all.addAll(args);
    return all;
  }

  /** {@code bin/dmg -o <control config> args...} as a process. */
  protected CommandResult runDmg(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(Launchers.bin("dmg").toString(), "-o", controlConfig.toString()));
    cmd.addAll(args);
    return Commands.run(cmd, Duration.ofSeconds(90));
  }

  /**
   * Runs {@code dmg -j args...} with its request deadline set to {@code deadline} (jdaos's JDAOS_DMG_TIMEOUT)
   * and fails if dmg itself runs much longer than that.
   */
  public CommandResult dmgWithin(Duration deadline, String... args) {
    List<String> cmd = new ArrayList<>(List.of(Launchers.bin("dmg").toString(), "-i", "-o",
        controlConfig.toString(), "-j"));
    cmd.addAll(List.of(args));
    return Commands.run(cmd, Map.of("JDAOS_DMG_TIMEOUT", deadline.toSeconds() + "s"),
        deadline.plusSeconds(60));
  }

  /**
   * {@code dmg [-i] -j args...} run in this JVM (the same code as {@code bin/dmg}, without a JVM start) with its
   * request deadline {@code deadline}: for the polls of process tests, which would otherwise start a dmg JVM every
   * few hundred milliseconds; the steps a test is about run {@link #dmgWithin the real dmg}.
   */
  public CommandResult dmgPoll(Duration deadline, String... args) {
    List<String> withJ = new ArrayList<>(List.of("-j"));
    withJ.addAll(List.of(args));
    return DmgInProcess.run(controlConfig, deadline, dmgArgs(withJ).toArray(String[]::new)).result();
  }

  /** Runs dmg with -j and returns the parsed envelope ({response, error, status}). */
  public JsonObject dmgJson(String... args) {
    String[] withJ = new String[args.length + 1];
    withJ[0] = "-j";
    System.arraycopy(args, 0, withJ, 1, args.length);
    return dmg(withJ).json();
  }

  /** dmg -j against one host only ({@code -l addr} after the subcommand words). */
  public JsonObject dmgJsonOn(int host, String... args) {
    List<String> a = new ArrayList<>(List.of("-j", "-l", hostAddrs().get(host)));
    a.addAll(List.of(args));
    return dmg(a.toArray(String[]::new)).json();
  }

  /** Members of {@code dmg -j system query} by rank; empty when the query fails. */
  public Map<Integer, JsonObject> members() {
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

  /** Index of the host whose control address is {@code addr} ("ip:port"). */
  public int hostIndex(String addr) {
    int i = hostAddrs().indexOf(addr);
    if (i < 0) {
      throw new AssertionError("no host " + addr + " in " + hostAddrs());
    }
    return i;
  }

  @Override
  public void close() {
    otherAgents.values().forEach(a -> a.agent().close());
    if (agent != null) {
      agent.close();
    }
    stopHosts();
  }

  /** Creates a cluster of one kind from the builder's settings and the shared control port. */
  @FunctionalInterface
  interface Factory<C extends MiniDaosCluster> {
    C create(Builder<?> b) throws IOException;
  }

  /** N servers × M engines × K replicas (default 3 × 2 × 3). */
  public static final class Builder<C extends MiniDaosCluster> {
    final Path dir;
    private final Factory<C> factory;
    int servers = 3;
    int engines = 2;
    int targets = 1;
    int replicas = 3;
    int firstReplica = 0;
    List<String> engineEnv = List.of();
    int crtTimeout;
    int bdevGb = 1;
    boolean telemetry;
    Path certs;
    io.daos.common.Ticker engineTicker = io.daos.common.Ticker.SYSTEM;

    private Builder(Path dir, Factory<C> factory) {
      this.dir = dir;
      this.factory = factory;
    }

    /** Real DaosServers and DaosEngines in this JVM, on in-memory dRPC and CART-J. */
    public Builder<InProcessCluster> inProcess() {
      Builder<InProcessCluster> b = new Builder<>(dir, InProcessCluster::new);
      return b.servers(servers).engines(engines).targets(targets).replicas(replicas).firstReplica(firstReplica)
          .engineEnv(engineEnv.toArray(String[]::new)).crtTimeout(crtTimeout).engineTicker(engineTicker)
          .telemetry(telemetry).secure(certs);
    }

    /**
     * Mutual TLS with the certificates in {@code certsDir} (bin/gen_certificates.sh's {@code daosCA/certs}):
     * servers, the control client and the agent each with their own; null (the default) is insecure.
     */
    public Builder<C> secure(Path certsDir) {
      certs = certsDir;
      return this;
    }

    public Builder<C> servers(int n) {
      servers = n;
      return this;
    }

    public Builder<C> engines(int m) {
      engines = m;
      return this;
    }

    /** Targets per engine (default 1). */
    public Builder<C> targets(int t) {
      targets = t;
      return this;
    }

    public Builder<C> replicas(int k) {
      replicas = k;
      return this;
    }

    /** The MS replicas are the hosts from index {@code i} on (default 0: the first hosts). */
    public Builder<C> firstReplica(int i) {
      firstReplica = i;
      return this;
    }

    /** Extra {@code NAME=value} entries of every engine's {@code env_vars} (e.g. SWIM timings). */
    public Builder<C> engineEnv(String... entries) {
      engineEnv = List.of(entries);
      return this;
    }

    /** {@code crt_timeout} of every server's config (seconds; 0 = unset, CaRT's default): engine-to-engine RPCs. */
    /** Each daos_server gets a free {@code telemetry_port} (its Prometheus exporter); off by default. */
    public Builder<C> telemetry(boolean on) {
      telemetry = on;
      return this;
    }

    /** {@code bdev_size} (GB) of every engine's file bdev; 1 unless set. */
    public Builder<C> bdevSize(int gb) {
      bdevGb = gb;
      return this;
    }

    public Builder<C> crtTimeout(int seconds) {
      crtTimeout = seconds;
      return this;
    }

    /** The clock in-process engines read for DTX commit ages (default the system's; process clusters ignore it). */
    public Builder<C> engineTicker(io.daos.common.Ticker t) {
      engineTicker = t;
      return this;
    }

    /** Writes configs, starts every daos_server and formats storage; closes everything on failure. */
    public C start() throws IOException {
      if (replicas < 1 || firstReplica < 0 || firstReplica + replicas > servers || replicas % 2 == 0) {
        throw new IllegalArgumentException("replicas must be odd and at most servers: " + replicas);
      }
      C c = factory.create(this);
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
