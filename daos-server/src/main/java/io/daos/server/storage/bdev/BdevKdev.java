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

/** Bdev class {@code kdev}: Linux AIO on kernel block devices (/dev/sdX), which must exist and be writable. */
final class BdevKdev implements BdevProvider {
  private static final int S_IFMT = 0170000;
  private static final int S_IFBLK = 0060000;

  private final BdevTier tier;

  BdevKdev(BdevTier tier) {
    this.tier = tier;
  }

  @Override
  public BdevTier tier() {
    return tier;
  }

  @Override
  public List<BdevDeviceInfo> scan() {
    List<BdevDeviceInfo> out = new ArrayList<>();
    for (String d : tier.bdevList()) {
      Path p = Path.of(d);
      out.add(new BdevDeviceInfo(tier.storageClass(), d, tier.tier(), tier.bdevRoles(), Files.exists(p), size(p)));
    }
    return out;
  }

  private static long size(Path p) {
    if (!Files.isReadable(p)) {
      return 0;
    }
    try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "r")) {
      return raf.length();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void format() {
    for (String d : tier.bdevList()) {
      check(Path.of(d));
    }
  }

  /** The device exists, is a block device and daos_server may write it. */
  static void check(Path p) {
    if (!Files.exists(p)) {
      throw StorageFaults.bdevNotFound(p.toString());
    }
    if (!isBlockDevice(p)) {
      throw StorageFaults.notABlockDevice(p.toString());
    }
    if (!Files.isWritable(p)) {
      throw StorageFaults.pathAccessDenied(p);
    }
  }

  static boolean isBlockDevice(Path p) {
    try {
      Object mode = Files.getAttribute(p, "unix:mode");
      return mode instanceof Integer m && (m & S_IFMT) == S_IFBLK;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
