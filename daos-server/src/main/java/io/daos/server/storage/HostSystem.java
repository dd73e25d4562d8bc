package io.daos.server.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the storage providers need from the host: privileges, commands, mounts, device nodes and kernel
 * features. {@link #linux()} is the real host; tests pass a fake.
 */
public interface HostSystem {
  /** The real Linux host. */
  static HostSystem linux() {
    return new LinuxHost();
  }

  /** True when running as uid 0. */
  boolean isRoot();

  /** The effective user name, for messages. */
  String userName();

  /** Runs a command and waits; never throws for a non-zero exit. */
  ExecResult exec(List<String> command) throws IOException;

  /** Current mounts (/proc/self/mounts). */
  List<MountEntry> mounts() throws IOException;

  /** Text of /proc/meminfo. */
  String memInfo() throws IOException;

  /** PMem namespaces' block devices (/dev/pmem*). */
  List<Path> pmemDevices() throws IOException;

  /** True when the kernel has NUMA support (tmpfs {@code mpol=} works). */
  boolean numaSupported();

  /** True when the kernel supports transparent hugepages (tmpfs {@code huge=always} works). */
  boolean thpSupported();

  /** True when a shared library (e.g. "libspdk") can be found in the usual library directories. */
  boolean hasLibrary(String baseName);

  /** A command's outcome. */
  record ExecResult(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** One line of the mount table. */
  record MountEntry(String source, Path target, String fsType, String options) {
  }
}
