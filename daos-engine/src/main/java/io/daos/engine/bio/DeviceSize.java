package io.daos.engine.bio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A bdev's capacity: a file's length, a kernel block device's sectors × 512 (from sysfs); 0 when unknown. */
final class DeviceSize {
  private DeviceSize() {
  }

  static long of(String traddr) {
    Path p = Path.of(traddr);
    try {
      Path real = p.toRealPath();
      Path sectors = Path.of("/sys/class/block", real.getFileName().toString(), "size");
      if (real.startsWith("/dev") && Files.exists(sectors)) {
        return Long.parseLong(Files.readString(sectors).trim()) * 512;
      }
      return Files.size(real);
    } catch (IOException | NumberFormatException | java.nio.file.InvalidPathException e) {
      return 0;
    }
  }
}
