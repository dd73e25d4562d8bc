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

/**
 * SCM class {@code dcpm}: a PMem namespace ({@code scm_list}, e.g. /dev/pmem0) formatted with DAOS's
 * {@code mkfs.ext4} options and mounted with {@code dax,nodelalloc}. Needs root and PMem.
 */
final class ScmDcpm implements ScmProvider {
  static final String FS_TYPE = "ext4";

  private final ScmTier tier;
  private final HostSystem host;

  ScmDcpm(ScmTier tier, HostSystem host) {
    this.tier = tier;
    this.host = host;
  }

  @Override
  public ScmTier tier() {
    return tier;
  }

  private String device() {
    return tier.scmList().isEmpty() ? "" : tier.scmList().get(0);
  }

  /** DAOS's mkfs.ext4 arguments for a PMem namespace. */
  static List<String> mkfsArgs(String device) {
    List<String> a = new ArrayList<>(List.of("mkfs.ext4", "-q", "-D", "-L", "daos", "-m", "0", "-b", "4096",
        "-I", "128", "-i", "67108864",
        "-E", "stride=512,lazy_itable_init=0,lazy_journal_init=0,nodiscard,packed_meta_blocks=1",
        "-O", "flex_bg,^uninit_bg,^resize_inode,^extra_isize,sparse_super2,^metadata_csum", "-G", "128"));
    a.add("-F");
    a.add(device);
    return a;
  }

  /** Checks PMem presence and the configured namespace, as a fault a person can act on. */
  void checkDevice() {
    List<Path> pmem;
    try {
      pmem = host.pmemDevices();
    } catch (IOException e) {
      pmem = List.of();
    }
    if (pmem.isEmpty()) {
      throw StorageFaults.noPmem();
    }
    if (device().isEmpty() || !Files.exists(Path.of(device()))) {
      throw StorageFaults.missingScmDevice(device());
    }
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
    checkDevice();
    if (!host.isRoot()) {
      throw StorageFaults.needsRoot("dcpm", mountPoint(), host.userName());
    }
    ScmMounts.unmountForFormat(host, mountPoint(), FS_TYPE, force);
    ScmMounts.run(host, mkfsArgs(device()), "mkfs.ext4 " + device());
    mount();
  }

  @Override
  public void mount() {
    if (isMounted()) {
      return;
    }
    checkDevice();
    if (!host.isRoot()) {
      throw StorageFaults.needsRoot("dcpm", mountPoint(), host.userName());
    }
    try {
      Files.createDirectories(mountPoint());
    } catch (IOException e) {
      throw StorageFaults.scmIo(mountPoint(), e);
    }
    List<String> cmd = List.of("mount", "-t", FS_TYPE, "-o", "dax,nodelalloc,noatime", device(),
        mountPoint().toString());
    ScmMounts.run(host, cmd, "mount " + device());
  }

  @Override
  public ScmMountInfo usage() {
    return SpaceUsage.of(tier, isMounted(), device());
  }
}
