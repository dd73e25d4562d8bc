package io.daos.server.storage.scm;

import io.daos.server.config.engine.ScmTier;
import io.daos.server.storage.ScmMountInfo;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Total/free bytes of the file system holding a path (or its nearest existing parent). */
final class SpaceUsage {
  private SpaceUsage() {
  }

  static ScmMountInfo of(ScmTier tier, boolean mounted, String device) {
    Path p = Path.of(tier.scmMount()).toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    long total = 0;
    long avail = 0;
    if (p != null && mounted) {
      try {
        FileStore fs = Files.getFileStore(p);
        total = fs.getTotalSpace();
        avail = fs.getUsableSpace();
      } catch (IOException e) {
        // leave zeros: the scan reports the mount without sizes
      }
    }
    return new ScmMountInfo(tier.storageClass(), tier.scmMount(), mounted, total, avail, device);
  }
}
