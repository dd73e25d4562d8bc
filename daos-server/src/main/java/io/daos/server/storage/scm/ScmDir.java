package io.daos.server.storage.scm;

import io.daos.server.config.engine.ScmTier;
import io.daos.server.storage.ScmMountInfo;
import io.daos.server.storage.StorageFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCM class {@code dir} (jdaos extension): a plain directory, no mount, no root. "Formatted" means a superblock
 * is present; format creates the directory and, with force, empties it.
 */
final class ScmDir implements ScmProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ScmDir.class);
  private static final String SUPERBLOCK = "superblock";

  private final ScmTier tier;

  ScmDir(ScmTier tier) {
    this.tier = tier;
  }

  @Override
  public ScmTier tier() {
    return tier;
  }

  @Override
  public boolean isMounted() {
    return Files.isDirectory(mountPoint());
  }

  @Override
  public boolean isFormatted() {
    return Files.isRegularFile(mountPoint().resolve(SUPERBLOCK));
  }

  @Override
  public void format(boolean force) {
    Path dir = mountPoint();
    if (isFormatted() && !force) {
      throw StorageFaults.alreadyFormatted(dir);
    }
    try {
      if (Files.isDirectory(dir)) {
        clear(dir);
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw e instanceof java.nio.file.AccessDeniedException ? StorageFaults.pathAccessDenied(dir)
          : StorageFaults.scmIo(dir, e);
    }
    if (!Files.isWritable(dir)) {
      throw StorageFaults.pathAccessDenied(dir);
    }
    LOG.info("scm dir {}: formatted", dir);
  }

  private static void clear(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  @Override
  public void mount() {
    // nothing to mount: the directory is the SCM
  }

  @Override
  public ScmMountInfo usage() {
    return SpaceUsage.of(tier, isMounted(), "");
  }
}
