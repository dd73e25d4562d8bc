package io.daos.server.config;

import io.daos.server.config.engine.AccelProps;
import io.daos.server.config.engine.BdevAutoFaulty;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.engine.SpdkIobuf;
import io.daos.server.config.engine.SpdkRpcServer;
import io.daos.server.config.engine.StorageClass;
import io.daos.server.config.engine.StorageTier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code engines:} as written in daos_server.yml (unset fabric fields are inherited from the
 * top level through {@link ServerConfig#engineFabric(int)}). Immutable; {@code withX} return copies.
 */
public final class EngineConfig {
  private final int targets;
  private final int nrXsHelpers;
  private final Integer firstCore;
  private final Integer pinnedNumaNode;
  private final Boolean bypassHealthChk;
  private final FabricConfig fabric;
  private final String logMask;
  private final String logFile;
  private final List<String> envVars;
  private final List<String> envPassThrough;
  private final List<StorageTier> storage;
  private final BdevAutoFaulty bdevAutoFaulty;
  private final SpdkIobuf spdkIobuf;
  private final AccelProps acceleration;
  private final SpdkRpcServer spdkRpcServer;

  private EngineConfig(Builder b) {
    targets = b.targets;
    nrXsHelpers = b.nrXsHelpers;
    firstCore = b.firstCore;
    pinnedNumaNode = b.pinnedNumaNode;
    bypassHealthChk = b.bypassHealthChk;
    fabric = b.fabric;
    logMask = b.logMask;
    logFile = b.logFile;
    envVars = List.copyOf(b.envVars);
    envPassThrough = List.copyOf(b.envPassThrough);
    storage = renumber(b.storage);
    bdevAutoFaulty = b.bdevAutoFaulty;
    spdkIobuf = b.spdkIobuf;
    acceleration = b.acceleration;
    spdkRpcServer = b.spdkRpcServer;
  }

  private static List<StorageTier> renumber(List<StorageTier> tiers) {
    List<StorageTier> out = new ArrayList<>();
    for (StorageTier t : tiers) {
      int i = out.size();
      out.add(t instanceof ScmTier s ? s.withTier(i) : ((BdevTier) t).withTier(i));
    }
    return List.copyOf(out);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public int targets() {
    return targets;
  }

  public int nrXsHelpers() {
    return nrXsHelpers;
  }

  /** {@code first_core}, or null when unset. */
  public Integer firstCore() {
    return firstCore;
  }

  /** {@code pinned_numa_node}, or null when unset. */
  public Integer pinnedNumaNode() {
    return pinnedNumaNode;
  }

  /** {@code bypass_health_chk}, or null when unset. */
  public Boolean bypassHealthChk() {
    return bypassHealthChk;
  }

  /** This engine's own fabric settings (may be partly empty; see {@link ServerConfig#engineFabric}). */
  public FabricConfig fabric() {
    return fabric;
  }

  /** {@code log_mask} as written, "" when unset (the engine then logs at ERR). */
  public String logMask() {
    return logMask;
  }

  public String logFile() {
    return logFile;
  }

  public List<String> envVars() {
    return envVars;
  }

  public List<String> envPassThrough() {
    return envPassThrough;
  }

  public List<StorageTier> storage() {
    return storage;
  }

  public BdevAutoFaulty bdevAutoFaulty() {
    return bdevAutoFaulty;
  }

  public SpdkIobuf spdkIobuf() {
    return spdkIobuf;
  }

  public AccelProps acceleration() {
    return acceleration;
  }

  public SpdkRpcServer spdkRpcServer() {
    return spdkRpcServer;
  }

  /** The first SCM tier, or null. */
  public ScmTier scmTier() {
    return storage.stream().filter(ScmTier.class::isInstance).map(ScmTier.class::cast).findFirst().orElse(null);
  }

  public List<ScmTier> scmTiers() {
    return storage.stream().filter(ScmTier.class::isInstance).map(ScmTier.class::cast).toList();
  }

  public List<BdevTier> bdevTiers() {
    return storage.stream().filter(BdevTier.class::isInstance).map(BdevTier.class::cast).toList();
  }

  public boolean hasBdevRoleMeta() {
    return bdevTiers().stream().anyMatch(b -> b.bdevRoles().hasMeta());
  }

  /** {@code VOS_BDEV_CLASS}: NVME or AIO from the first bdev tier, or null without bdevs. */
  public String vosBdevClass() {
    List<BdevTier> b = bdevTiers();
    if (b.isEmpty()) {
      return null;
    }
    return b.get(0).storageClass() == StorageClass.NVME ? "NVME" : "AIO";
  }

  /**
   * Where {@code daos_nvme.conf} goes: {@code <scm_mount>/daos_nvme.conf}, or
   * {@code <control_metadata.path>/daos_control/engine<idx>/daos_nvme.conf} with MD-on-SSD; null when the
   * engine has no bdev tiers.
   */
  public Path nvmeConfigPath(ControlMetadata md, int idx) {
    if (bdevTiers().isEmpty()) {
      return null;
    }
    if (md != null && md.hasPath()) {
      return md.engineDirectory(idx).resolve(ConfigDefaults.NVME_CONF_NAME);
    }
    ScmTier scm = scmTier();
    return scm == null ? null : Path.of(scm.scmMount(), ConfigDefaults.NVME_CONF_NAME);
  }

  public EngineConfig withTargets(int n) {
    return toBuilder().targets(n).build();
  }

  public EngineConfig withNrXsHelpers(int n) {
    return toBuilder().nrXsHelpers(n).build();
  }

  public EngineConfig withFirstCore(Integer core) {
    return toBuilder().firstCore(core).build();
  }

  public EngineConfig withPinnedNumaNode(Integer node) {
    return toBuilder().pinnedNumaNode(node).build();
  }

  public EngineConfig withFabric(FabricConfig f) {
    return toBuilder().fabric(f).build();
  }

  public EngineConfig withFabricIfacePort(int port) {
    return toBuilder().fabric(fabric.withPort(port)).build();
  }

  public EngineConfig withLogFile(String file) {
    return toBuilder().logFile(file).build();
  }

  public EngineConfig withLogMask(String mask) {
    return toBuilder().logMask(mask).build();
  }

  public EngineConfig withEnvVars(List<String> vars) {
    return toBuilder().envVars(vars).build();
  }

  public EngineConfig withEnvPassThrough(List<String> names) {
    return toBuilder().envPassThrough(names).build();
  }

  public EngineConfig withStorage(StorageTier... tiers) {
    return toBuilder().storage(List.of(tiers)).build();
  }

  /** Builder; defaults are the YAML defaults (see {@link ConfigDefaults}). */
  public static final class Builder {
    private int targets;
    private int nrXsHelpers = ConfigDefaults.NR_XS_HELPERS;
    private Integer firstCore;
    private Integer pinnedNumaNode;
    private Boolean bypassHealthChk;
    private FabricConfig fabric = FabricConfig.EMPTY;
    private String logMask = "";
    private String logFile = "";
    private List<String> envVars = List.of();
    private List<String> envPassThrough = List.of();
    private List<StorageTier> storage = List.of();
    private BdevAutoFaulty bdevAutoFaulty = BdevAutoFaulty.NONE;
    private SpdkIobuf spdkIobuf = SpdkIobuf.NONE;
    private AccelProps acceleration = AccelProps.NONE;
    private SpdkRpcServer spdkRpcServer = SpdkRpcServer.NONE;

    private Builder() {
    }

    private Builder(EngineConfig c) {
      targets = c.targets;
      nrXsHelpers = c.nrXsHelpers;
      firstCore = c.firstCore;
      pinnedNumaNode = c.pinnedNumaNode;
      bypassHealthChk = c.bypassHealthChk;
      fabric = c.fabric;
      logMask = c.logMask;
      logFile = c.logFile;
      envVars = c.envVars;
      envPassThrough = c.envPassThrough;
      storage = c.storage;
      bdevAutoFaulty = c.bdevAutoFaulty;
      spdkIobuf = c.spdkIobuf;
      acceleration = c.acceleration;
      spdkRpcServer = c.spdkRpcServer;
    }

    public Builder targets(int v) {
      targets = v;
      return this;
    }

    public Builder nrXsHelpers(int v) {
      nrXsHelpers = v;
      return this;
    }

    public Builder firstCore(Integer v) {
      firstCore = v;
      return this;
    }

    public Builder pinnedNumaNode(Integer v) {
      pinnedNumaNode = v;
      return this;
    }

    public Builder bypassHealthChk(Boolean v) {
      bypassHealthChk = v;
      return this;
    }

    public Builder fabric(FabricConfig v) {
      fabric = v == null ? FabricConfig.EMPTY : v;
      return this;
    }

    public Builder logMask(String v) {
      logMask = v == null ? "" : v;
      return this;
    }

    public Builder logFile(String v) {
      logFile = v == null ? "" : v;
      return this;
    }

    public Builder envVars(List<String> v) {
      envVars = v == null ? List.of() : v;
      return this;
    }

    public Builder envPassThrough(List<String> v) {
      envPassThrough = v == null ? List.of() : v;
      return this;
    }

    public Builder storage(List<StorageTier> v) {
      storage = v == null ? List.of() : v;
      return this;
    }

    public Builder bdevAutoFaulty(BdevAutoFaulty v) {
      bdevAutoFaulty = v == null ? BdevAutoFaulty.NONE : v;
      return this;
    }

    public Builder spdkIobuf(SpdkIobuf v) {
      spdkIobuf = v == null ? SpdkIobuf.NONE : v;
      return this;
    }

    public Builder acceleration(AccelProps v) {
      acceleration = v == null ? AccelProps.NONE : v;
      return this;
    }

    public Builder spdkRpcServer(SpdkRpcServer v) {
      spdkRpcServer = v == null ? SpdkRpcServer.NONE : v;
      return this;
    }

    public EngineConfig build() {
      return new EngineConfig(this);
    }
  }
}
