package io.daos.server.storage.scm;

import io.daos.server.config.engine.ScmTier;
import io.daos.server.storage.HostSystem;
import io.daos.server.storage.ScmMountInfo;
import io.daos.server.storage.StorageFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCM class {@code ram}: tmpfs mounted as DAOS mounts it ({@code mpol=prefer:<numa>} with NUMA,
 * {@code size=<N>g}, {@code huge=always} unless {@code scm_hugepages_disabled}, MS_NOATIME) with
 * {@code mount -t tmpfs}. Needs root.
 */
final class ScmRam implements ScmProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ScmRam.class);
  static final String FS_TYPE = "tmpfs";

  private final ScmTier tier;
  private final int numaNode;
  private final HostSystem host;

  ScmRam(ScmTier tier, int numaNode, HostSystem host) {
    this.tier = tier;
    this.numaNode = numaNode;
    this.host = host;
  }

  @Override
  public ScmTier tier() {
    return tier;
  }

  /** The {@code -o} option string of the tmpfs mount. */
  String mountOptions() {
    List<String> opts = new ArrayList<>();
    if (host.numaSupported()) {
      opts.add("mpol=prefer:" + numaNode);
    }
    if (tier.scmSize() > 0) {
      opts.add("size=" + tier.scmSize() + "g");
    }
    if (!tier.hugepagesDisabled()) {
      if (!host.thpSupported()) {
        throw StorageFaults.hugepagesNotSupported();
      }
      opts.add("huge=always");
    }
    opts.add("noatime");
    return String.join(",", opts);
  }

  @Override
  public boolean isMounted() {
    return ScmMounts.isMounted(host, mountPoint(), FS_TYPE);
  }

  @Override
  public boolean isFormatted() {
    return isMounted();
  }

  @Override
  public void format(boolean force) {
    Path mnt = mountPoint();
    if (!host.isRoot()) {
      throw StorageFaults.needsRoot("ram (tmpfs)", mnt, host.userName());
    }
    ScmMounts.unmountForFormat(host, mnt, FS_TYPE, force);
    doMount();
  }

  @Override
  public void mount() {
    if (isMounted()) {
      return;
    }
    if (!host.isRoot()) {
      throw StorageFaults.needsRoot("ram (tmpfs)", mountPoint(), host.userName());
    }
    doMount();
  }

  private void doMount() {
    Path mnt = mountPoint();
    String opts = mountOptions();
    try {
      Files.createDirectories(mnt);
    } catch (IOException e) {
      throw StorageFaults.scmIo(mnt, e);
    }
    ScmMounts.run(host, List.of("mount", "-t", FS_TYPE, "-o", opts, FS_TYPE, mnt.toString()),
        "mount tmpfs at " + mnt);
    LOG.info("scm ram {}: mounted tmpfs ({})", mnt, opts);
  }

  @Override
  public ScmMountInfo usage() {
    return SpaceUsage.of(tier, isMounted(), FS_TYPE);
  }
}
