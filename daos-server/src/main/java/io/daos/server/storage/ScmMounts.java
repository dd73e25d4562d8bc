package io.daos.server.storage;

import io.daos.common.fault.FaultCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mount-table checks and mount commands shared by the mounted SCM classes ({@code ram} and {@code dcpm}). */
final class ScmMounts {
  private static final Logger LOG = LoggerFactory.getLogger(ScmMounts.class);

  private ScmMounts() {
  }

  /** True if a file system of {@code fsType} is mounted at {@code mnt}; an unreadable mount table is false. */
  static boolean isMounted(HostSystem host, Path mnt, String fsType) {
    try {
      HostSystem.MountEntry m = MountTable.find(host.mounts(), mnt);
      return m != null && fsType.equals(m.fsType());
    } catch (IOException e) {
      LOG.warn("scm {}: cannot read mount table: {}", mnt, e.getMessage());
      return false;
    }
  }

  /**
   * Before a format: SCM already mounted at {@code mnt} is a fault unless {@code force}, then it is unmounted.
   */
  static void unmountForFormat(HostSystem host, Path mnt, String fsType, boolean force) {
    if (!isMounted(host, mnt, fsType)) {
      return;
    }
    if (!force) {
      throw StorageFaults.alreadyFormatted(mnt);
    }
    run(host, List.of("umount", mnt.toString()), "umount " + mnt);
  }

  /** Runs {@code cmd}; a failure is an SCM fault naming {@code what} with the command's output. */
  static void run(HostSystem host, List<String> cmd, String what) {
    HostSystem.ExecResult r;
    try {
      r = host.exec(cmd);
    } catch (IOException e) {
      throw StorageFaults.commandFailed(FaultCode.SCM_UNKNOWN, what, e.getMessage());
    }
    if (!r.ok()) {
      throw StorageFaults.commandFailed(FaultCode.SCM_UNKNOWN, what, r.output());
    }
  }
}
