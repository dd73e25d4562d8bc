package io.daos.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This host's name as gethostname(2) gives it (DAOS's {@code dss_hostname}, carried in RAS events). */
final class Hostname {
  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private Hostname() {
  }

  static String get() {
    try {
      String h = Files.readString(KERNEL_HOSTNAME).trim();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: ask the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
