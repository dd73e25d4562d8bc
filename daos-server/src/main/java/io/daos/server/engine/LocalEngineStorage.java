package io.daos.server.engine;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.EngineConfig;
import io.daos.server.storage.bdev.BdevProvider;
import io.daos.server.storage.HostSystem;
import io.daos.server.storage.bdev.NvmeConf;
import io.daos.server.storage.scm.ScmProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EngineStorage} for one engine of the config, on the storage providers (io.daos.server.storage):
 * SCM dir/ram/dcpm, bdevs file/kdev/nvme, and the {@code daos_nvme.conf} writer.
 */
public final class LocalEngineStorage implements EngineStorage {
  private final EngineConfig cfg;
  private final ScmProvider scm;
  private final List<BdevProvider> bdevs = new ArrayList<>();
  private final Path nvmeConf;
  private final String hostname;

  /** Storage of engine {@code idx}; {@code nvmeConf} = ServerConfig.engineNvmeConfigPath(idx) (null = none). */
  public LocalEngineStorage(int idx, EngineConfig cfg, Path nvmeConf, String hostname) {
    this(idx, cfg, nvmeConf, hostname, HostSystem.linux());
  }

  public LocalEngineStorage(int idx, EngineConfig cfg, Path nvmeConf, String hostname, HostSystem host) {
    if (cfg.scmTier() == null) {
      throw new IllegalArgumentException("engine " + idx + ": no SCM tier configured");
    }
    this.cfg = cfg;
    Integer numa = cfg.pinnedNumaNode();
    this.scm = ScmProvider.of(cfg.scmTier(), numa == null ? 0 : numa, host);
    cfg.bdevTiers().forEach(t -> bdevs.add(BdevProvider.of(t, host)));
    this.nvmeConf = nvmeConf;
    this.hostname = hostname;
  }

  @Override
  public Path scmMount() {
    return scm.mountPoint();
  }

  @Override
  public String scmClass() {
    return scm.tier().storageClass().yamlName();
  }

  @Override
  public boolean scmMounted() {
    return scm.isMounted();
  }

  @Override
  public boolean scmFormatted() {
    return scm.isFormatted();
  }

  @Override
  public void formatScm(boolean reformat) {
    scm.format(reformat);
  }

  @Override
  public List<String> bdevDevices() {
    List<String> out = new ArrayList<>();
    for (BdevProvider b : bdevs) {
      BdevTier t = b.tier();
      out.addAll(t.bdevList());
    }
    return out;
  }

  @Override
  public void formatBdevs() {
    bdevs.forEach(BdevProvider::format);
  }

  @Override
  public void writeNvmeConfig() throws IOException {
    if (nvmeConf == null || bdevs.isEmpty()) {
      return;
    }
    NvmeConf.write(nvmeConf, NvmeConf.render(cfg, hostname, false, false));
  }
}
