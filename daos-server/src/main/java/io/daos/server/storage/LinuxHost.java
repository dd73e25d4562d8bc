package io.daos.server.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@link HostSystem} for a real Linux host (/proc, /sys, /dev and ProcessBuilder). */
final class LinuxHost implements HostSystem {
  private static final long EXEC_TIMEOUT_SECS = 300;
  private static final List<String> LIB_DIRS = List.of("/usr/lib64", "/usr/lib", "/usr/local/lib",
      "/usr/local/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64/daos_srv");

  @Override
  public boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  @Override
  public String userName() {
    return System.getProperty("user.name", "?");
  }

  @Override
  public ExecResult exec(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(EXEC_TIMEOUT_SECS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new ExecResult(-1, String.join(" ", command) + ": timed out");
      }
      return new ExecResult(p.exitValue(), out);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  @Override
  public List<MountEntry> mounts() throws IOException {
    return MountTable.parse(Files.readString(Path.of("/proc/self/mounts")));
  }

  @Override
  public String memInfo() throws IOException {
    return Files.readString(Path.of("/proc/meminfo"));
  }

  @Override
  public List<Path> pmemDevices() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("/dev"))) {
      s.filter(p -> p.getFileName().toString().matches("pmem\\d+(\\.\\d+)?")).sorted().forEach(out::add);
    }
    return out;
  }

  @Override
  public boolean numaSupported() {
    return Files.isDirectory(Path.of("/sys/devices/system/node/node0"));
  }

  @Override
  public boolean thpSupported() {
    return Files.exists(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
  }

  @Override
  public boolean hasLibrary(String baseName) {
    for (String d : LIB_DIRS) {
      Path dir = Path.of(d);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        if (s.anyMatch(p -> p.getFileName().toString().startsWith(baseName + ".so"))) {
          return true;
        }
      } catch (IOException e) {
        // unreadable directory: keep looking
      }
    }
    return false;
  }
}
