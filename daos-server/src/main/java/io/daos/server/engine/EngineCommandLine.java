package io.daos.server.engine;

import io.daos.common.LogMasks;
import io.daos.server.config.ConfigFaults;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.FabricConfig;
import io.daos.server.config.ScmTier;
import io.daos.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The argv and environment of {@code daos_engine} for engine {@code index}, exactly as DAOS generates them
 * (engine.Config CmdLineArgs/CmdLineEnv, Runner.Start): flags {@code -x -t -s -m -f -g -d -n -I -T -p -b -r -H
 * [-C]} with DAOS's omission rules, and an isolated environment: only {@code env_pass_through} variables of
 * daos_server's own environment, then yml {@code env_vars}, then the config-derived variables, which win.
 */
public final class EngineCommandLine {
  private final ServerConfig server;
  private final EngineConfig engine;
  private final int index;
  private final String modules;
  private final int memSizeMib;
  private final int hugepageSizeMib;
  private final Integer numaNode;
  private final boolean checker;
  private final String fabricDomain;
  private final Path nvmeConf;
  private final Map<String, String> serverEnv;

  private EngineCommandLine(Builder b) {
    server = b.server;
    engine = server.engines().get(b.index);
    index = b.index;
    modules = b.modules;
    memSizeMib = b.memSizeMib;
    hugepageSizeMib = b.hugepageSizeMib;
    numaNode = engine.pinnedNumaNode() != null ? engine.pinnedNumaNode() : b.detectedNumaNode;
    checker = b.checker;
    fabricDomain = b.fabricDomain;
    nvmeConf = b.nvmeConf != null ? b.nvmeConf : server.engineNvmeConfigPath(b.index);
    serverEnv = Map.copyOf(b.serverEnv);
  }

  /** Command line of engine {@code index} of {@code server} (a validated config). */
  public static Builder builder(ServerConfig server, int index) {
    return new Builder(server, index);
  }

  /** DAOS appends {@code ;ofi_rxm} to a bare {@code ofi+verbs}. */
  public static String effectiveProvider(String provider) {
    return "ofi+verbs".equals(provider) ? provider + ";ofi_rxm" : provider;
  }

  /** Engine arguments (without the binary), in DAOS's flag order. */
  public List<String> argv() {
    List<String> a = new ArrayList<>();
    a.add("-x");
    a.add(Integer.toString(engine.nrXsHelpers()));
    if (engine.targets() != 0) {
      a.add("-t");
      a.add(Integer.toString(engine.targets()));
    }
    for (ScmTier s : engine.scmTiers()) {
      opt(a, "-s", s.scmMount());
    }
    opt(a, "-m", modules);
    if (engine.firstCore() != null) {
      a.add("-f");
      a.add(Integer.toString(engine.firstCore()));
    }
    opt(a, "-g", server.name());
    opt(a, "-d", server.socketDir());
    opt(a, "-n", nvmeConf == null ? "" : nvmeConf.toString());
    a.add("-I");
    a.add(Integer.toString(index));
    if (!engine.storage().isEmpty()) {
      a.add("-T");
      a.add(Integer.toString(engine.storage().size()));
    }
    if (numaNode != null) {
      a.add("-p");
      a.add(Integer.toString(numaNode));
    }
    if (Boolean.TRUE.equals(engine.bypassHealthChk())) {
      a.add("-b");
    }
    a.add("-r");
    a.add(Integer.toString(memSizeMib));
    a.add("-H");
    a.add(Integer.toString(hugepageSizeMib));
    if (checker) {
      a.add("-C");
    }
    return Collections.unmodifiableList(a);
  }

  private static void opt(List<String> a, String flag, String value) {
    if (value != null && !value.isEmpty()) {
      a.add(flag);
      a.add(value);
    }
  }

  /** The variables DAOS derives from the config (struct tags); empty strings and a zero port are left out. */
  public Map<String, String> tagEnv() {
    FabricConfig f = server.engineFabric(index);
    Map<String, String> env = new LinkedHashMap<>();
    put(env, "D_LOG_MASK", engine.logMask());
    put(env, "D_LOG_FILE", engine.logFile());
    put(env, "VOS_BDEV_CLASS", engine.vosBdevClass());
    put(env, "D_PROVIDER", effectiveProvider(f.provider()));
    put(env, "D_INTERFACE", f.fabricIface());
    if (f.fabricIfacePort() != 0) {
      env.put("D_PORT", Integer.toString(f.fabricIfacePort()));
    }
    env.put("CRT_TIMEOUT", Integer.toString(f.crtTimeout()));
    env.put("FI_OFI_RXM_USE_SRX", f.disableSrx() ? "0" : "1");
    put(env, "D_PROVIDER_AUTH_KEY", f.fabricAuthKey());
    return env;
  }

  private static void put(Map<String, String> env, String k, String v) {
    if (v != null && !v.isEmpty()) {
      env.put(k, v);
    }
  }

  /** DAOS CmdLineEnv: yml {@code env_vars} overridden by {@link #tagEnv()}. */
  public Map<String, String> configEnv() {
    return Collections.unmodifiableMap(KeyValues.merge(KeyValues.parse(engine.envVars()), tagEnv()));
  }

  /**
   * The engine's whole environment: pass-through vars &lt; yml env_vars (with DAOS's PMEMOBJ_CONF and
   * ABT_THREAD_STACKSIZE rules) &lt; config-derived vars; {@code D_DOMAIN} added when known and unset;
   * {@code DD_SUBSYS} folded into {@code D_LOG_MASK} and dropped.
   *
   * @throws io.daos.common.fault.Fault when env_vars contradict DAOS's rules
   */
  public Map<String, String> env() {
    Map<String, String> yml = EngineEnvRules.apply(KeyValues.parse(engine.envVars()), engine,
        server.engineFabric(index).provider(), index);
    Map<String, String> env = KeyValues.merge(yml, tagEnv());
    env = KeyValues.merge(KeyValues.passThrough(serverEnv, engine.envPassThrough()), env);
    if (fabricDomain != null && !fabricDomain.isEmpty() && !env.containsKey("D_DOMAIN")) {
      env.put("D_DOMAIN", fabricDomain);
    }
    return Collections.unmodifiableMap(processLogEnvs(env));
  }

  private Map<String, String> processLogEnvs(Map<String, String> env) {
    String subsys = env.get("DD_SUBSYS");
    String masks = env.get("D_LOG_MASK");
    if (subsys == null || subsys.isEmpty() || masks == null || masks.isEmpty()) {
      return env;
    }
    String merged;
    try {
      merged = LogMasks.merge(masks, subsys);
    } catch (IllegalArgumentException ex) {
      throw ConfigFaults.badConfig("I/O Engine " + index + ": " + ex.getMessage(), "fix log_mask of engine " + index);
    }
    Map<String, String> out = new LinkedHashMap<>(env);
    out.put("D_LOG_MASK", merged);
    out.remove("DD_SUBSYS");
    return out;
  }

  /** {@code NAME=value} strings of {@link #env()}, for logging or ProcessBuilder users. */
  public List<String> envList() {
    List<String> out = new ArrayList<>();
    env().forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  /** Options supplied by the server at launch time (not from the YAML). */
  public static final class Builder {
    private final ServerConfig server;
    private final int index;
    private String modules = "";
    private int memSizeMib;
    private int hugepageSizeMib;
    private Integer detectedNumaNode;
    private boolean checker;
    private String fabricDomain;
    private Path nvmeConf;
    private Map<String, String> serverEnv = Map.of();

    private Builder(ServerConfig server, int index) {
      this.server = Objects.requireNonNull(server, "server");
      if (index < 0 || index >= server.engines().size()) {
        throw new IllegalArgumentException("no engine " + index + " in config (" + server.engines().size()
            + " engines)");
      }
      this.index = index;
    }

    /** {@code -m}: engine module list. */
    public Builder modules(String v) {
      modules = v == null ? "" : v;
      return this;
    }

    /** {@code -r}: hugepage memory for SPDK in MiB. */
    public Builder memSizeMib(int v) {
      memSizeMib = v;
      return this;
    }

    /** {@code -H}: hugepage size in MiB. */
    public Builder hugepageSizeMib(int v) {
      hugepageSizeMib = v;
      return this;
    }

    /** {@code -p} when the YAML sets no pinned_numa_node (NUMA node of the fabric interface). */
    public Builder detectedNumaNode(Integer v) {
      detectedNumaNode = v;
      return this;
    }

    /** {@code -C}: start in checker mode. */
    public Builder checker(boolean v) {
      checker = v;
      return this;
    }

    /** {@code D_DOMAIN} to add when env_vars do not set it. */
    public Builder fabricDomain(String v) {
      fabricDomain = v;
      return this;
    }

    /** {@code -n} override; by default derived from the storage config. */
    public Builder nvmeConf(Path v) {
      nvmeConf = v;
      return this;
    }

    /** daos_server's own environment (normally {@code System.getenv()}); only pass-through names are used. */
    public Builder serverEnv(Map<String, String> v) {
      serverEnv = v == null ? Map.of() : v;
      return this;
    }

    public EngineCommandLine build() {
      return new EngineCommandLine(this);
    }
  }
}
