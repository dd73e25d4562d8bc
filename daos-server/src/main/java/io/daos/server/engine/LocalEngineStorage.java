package io.daos.server.engine;

import io.daos.server.config.BdevTier;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.ScmTier;
import io.daos.server.config.StorageClass;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EngineStorage} for one engine of the config: SCM classes dir and ram, bdev classes file and kdev.
 * dcpm and nvme need PMem/SPDK and fail with a clear message. The storage providers from h-config may
 * replace the internals; the interface stays.
 */
public final class LocalEngineStorage implements EngineStorage {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEngineStorage.class);
  private static final long GIB = 1L << 30;

  private final int idx;
  private final ScmTier scm;
  private final List<BdevTier> bdevs;
  private final Path nvmeConf;
  private final String hostname;

  /** Storage of engine {@code idx}; {@code nvmeConf} = ServerConfig.engineNvmeConfigPath(idx) (null = none). */
  public LocalEngineStorage(int idx, EngineConfig cfg, Path nvmeConf, String hostname) {
    this.idx = idx;
    this.scm = cfg.scmTier();
    if (scm == null) {
      throw new IllegalArgumentException("engine " + idx + ": no SCM tier configured");
    }
    this.bdevs = cfg.bdevTiers();
    this.nvmeConf = nvmeConf;
    this.hostname = hostname;
  }

  @Override
  public Path scmMount() {
    return Path.of(scm.scmMount());
  }

  @Override
  public String scmClass() {
    return scm.storageClass().yamlName();
  }

  @Override
  public boolean scmFormatted() throws IOException {
    return switch (scm.storageClass()) {
      case DIR -> isNonEmptyDir(scmMount());
      case RAM, DCPM -> Mounts.isMountPoint(scmMount());
      default -> false;
    };
  }

  /** A dir SCM counts as formatted once it holds something (an empty one is a fresh mount point). */
  private static boolean isNonEmptyDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  @Override
  public boolean formatScm(boolean reformat) throws IOException {
    if (scmFormatted() && !reformat) {
      return false;
    }
    switch (scm.storageClass()) {
      case DIR -> formatDir();
      case RAM -> formatRam();
      default -> throw new IOException("engine " + idx + ": SCM class " + scmClass()
          + " cannot be formatted on this host (no PMem support); use class ram or dir");
    }
    return true;
  }

  private void formatDir() throws IOException {
    Path mount = scmMount();
    if (Files.isDirectory(mount)) {
      LOG.info("engine {}: emptying SCM directory {}", idx, mount);
      try (Stream<Path> s = Files.walk(mount)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(mount)).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(mount);
    Files.writeString(mount.resolve(".daos_scm_dir"), "jdaos SCM directory of engine " + idx + "\n");
  }

  private void formatRam() throws IOException {
    Path mount = scmMount();
    if (Mounts.isMountPoint(mount)) {
      Mounts.run("umount", mount.toString());
    }
    Files.createDirectories(mount);
    String size = scm.scmSize() > 0 ? ",size=" + scm.scmSize() + "g" : "";
    Mounts.run("mount", "-t", "tmpfs", "-o", "noatime" + size, "tmpfs", mount.toString());
  }

  @Override
  public List<String> bdevDevices() {
    List<String> out = new ArrayList<>();
    bdevs.forEach(t -> out.addAll(t.bdevList()));
    return out;
  }

  @Override
  public void formatBdevs() throws IOException {
    for (BdevTier t : bdevs) {
      for (String dev : t.bdevList()) {
        formatBdev(t, Path.of(dev));
      }
    }
  }

  private void formatBdev(BdevTier t, Path dev) throws IOException {
    if (t.storageClass() == StorageClass.FILE) {
      Files.createDirectories(dev.toAbsolutePath().getParent());
      Files.deleteIfExists(dev);
      try (RandomAccessFile f = new RandomAccessFile(dev.toFile(), "rw")) {
        f.setLength(t.bdevSize() * GIB);
      }
    } else if (t.storageClass() == StorageClass.KDEV) {
      if (!Files.exists(dev)) {
        throw new IOException("engine " + idx + ": kdev " + dev + " does not exist; fix bdev_list");
      }
    } else {
      throw new IOException("engine " + idx + ": bdev class " + t.storageClass()
          + " needs SPDK, which this host does not have; use class file or kdev");
    }
  }

  @Override
  public void writeNvmeConfig() throws IOException {
    if (nvmeConf == null || bdevs.isEmpty()) {
      return;
    }
    Files.createDirectories(nvmeConf.toAbsolutePath().getParent());
    Files.writeString(nvmeConf, NvmeConfJson.render(hostname, bdevs));
  }
}
