package io.daos.server.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scripted {@link HostSystem}: records commands; "mount"/"umount" update the fake mount table. */
public final class FakeHost implements HostSystem {
  public boolean root;
  public boolean numa = true;
  public boolean thp = true;
  boolean spdk;
  public int failExit;
  public final List<Path> pmem = new ArrayList<>();
  final List<MountEntry> mountTable = new ArrayList<>();
  public final List<List<String>> commands = new ArrayList<>();
  String memInfo = "MemTotal:       16384000 kB\nMemFree:         1000 kB\nMemAvailable:    8192000 kB\n"
      + "HugePages_Total:     512\nHugePages_Free:      256\nHugepagesize:       2048 kB\n";

  @Override
  public boolean isRoot() {
    return root;
  }

  @Override
  public String userName() {
    return root ? "root" : "alice";
  }

  @Override
  public ExecResult exec(List<String> command) {
    commands.add(command);
    if (failExit != 0) {
      return new ExecResult(failExit, command.get(0) + ": permission denied");
    }
    if (command.get(0).equals("mount")) {
      int n = command.size();
      mountTable.add(new MountEntry(command.get(n - 2), Path.of(command.get(n - 1)), command.get(2),
          command.get(4)));
    } else if (command.get(0).equals("umount")) {
      mountTable.removeIf(m -> m.target().equals(Path.of(command.get(1))));
    }
    return new ExecResult(0, "");
  }

  @Override
  public List<MountEntry> mounts() {
    return List.copyOf(mountTable);
  }

  @Override
  public String memInfo() {
    return memInfo;
  }

  @Override
  public List<Path> pmemDevices() {
    return List.copyOf(pmem);
  }

  @Override
  public boolean numaSupported() {
    return numa;
  }

  @Override
  public boolean thpSupported() {
    return thp;
  }

  @Override
  public boolean hasLibrary(String baseName) {
    return spdk;
  }
}
