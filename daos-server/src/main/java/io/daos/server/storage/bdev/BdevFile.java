package io.daos.server.storage.bdev;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.storage.BdevDeviceInfo;
import io.daos.server.storage.StorageFaults;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bdev class {@code file}: Linux AIO on sparse files of {@code bdev_size} GiB, (re)created by format. */
final class BdevFile implements BdevProvider {
  private static final Logger LOG = LoggerFactory.getLogger(BdevFile.class);

  private final BdevTier tier;

  BdevFile(BdevTier tier) {
    this.tier = tier;
  }

  @Override
  public BdevTier tier() {
    return tier;
  }

  long sizeBytes() {
    return (long) tier.bdevSize() << 30;
  }

  @Override
  public List<BdevDeviceInfo> scan() {
    List<BdevDeviceInfo> out = new ArrayList<>();
    for (String f : tier.bdevList()) {
      Path p = Path.of(f);
      long size = 0;
      try {
        size = Files.isRegularFile(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        LOG.debug("bdev file {}: {}", p, e.getMessage());
      }
      out.add(new BdevDeviceInfo(tier.storageClass(), f, tier.tier(), tier.bdevRoles(), Files.isRegularFile(p),
          size));
    }
    return out;
  }

  @Override
  public void format() {
    for (String f : tier.bdevList()) {
      Path p = Path.of(f);
      try {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.deleteIfExists(p);
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
          raf.setLength(sizeBytes());
        }
      } catch (IOException | SecurityException e) {
        throw StorageFaults.bdevFormatFailed(f, e);
      }
      LOG.info("bdev file {}: created ({} GiB, sparse)", p, tier.bdevSize());
    }
  }
}
