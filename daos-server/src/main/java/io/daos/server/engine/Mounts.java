package io.daos.server.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Mount points from /proc/self/mounts, and running mount(8)/umount(8). */
final class Mounts {
  private static final Path MOUNTS = Path.of("/proc/self/mounts");

  private Mounts() {
  }

  static boolean isMountPoint(Path dir) throws IOException {
    if (!Files.exists(MOUNTS)) {
      return false;
    }
    String target = dir.toAbsolutePath().normalize().toString();
    for (String line : Files.readAllLines(MOUNTS, StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (f.length > 1 && f[1].replace("\\040", " ").equals(target)) {
        return true;
      }
    }
    return false;
  }

  static void run(String... cmd) throws IOException {
    Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + ": timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", cmd) + ": interrupted", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out
          + "; run daos_server as root to use SCM class ram, or use class dir");
    }
  }
}
