package io.daos.server.storage;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.nio.file.Path;

/** Storage, SCM and bdev faults (DAOS domains "storage", "scm", "bdev") with jdaos's resolutions. */
public final class StorageFaults {
  private StorageFaults() {
  }

  public static Fault alreadyFormatted(Path mount) {
    return new Fault("scm", FaultCode.STORAGE_ALREADY_FORMATTED,
        "format request for device with an existing filesystem signature (" + mount + ")",
        "retry the operation with force option to overwrite existing data");
  }

  public static Fault needsRoot(String what, Path mount, String user) {
    return new Fault("scm", FaultCode.PRIVILEGED_HELPER_NOT_PRIVILEGED,
        "SCM class " + what + " needs root to mount " + mount + " (daos_server runs as " + user + ")",
        "run daos_server as root, or use SCM class 'dir' (a plain directory; jdaos extension) in the engine's "
            + "storage config");
  }

  public static Fault noPmem() {
    return new Fault("storage", FaultCode.SCM_NO_PMEM, "No PMem modules exist on storage server",
        "Install PMem modules and retry command, or use SCM class 'ram' (tmpfs, needs root) or 'dir' in the "
            + "engine's storage config");
  }

  public static Fault missingScmDevice(String device) {
    return new Fault("scm", FaultCode.SCM_FORMAT_MISSING_DEVICE, "configured SCM device " + device
        + " does not exist", "check the configured value and/or perform the SCM preparation procedure");
  }

  public static Fault hugepagesNotSupported() {
    return new Fault("scm", FaultCode.SCM_HUGEPAGES_NOT_SUPPORTED,
        "hugepages requested but kernel does not support transparent hugepages (CONFIG_TRANSPARENT_HUGEPAGE not "
            + "set)", "set scm_hugepages_disabled: true in the server config, or rebuild the kernel with "
            + "CONFIG_TRANSPARENT_HUGEPAGE");
  }

  public static Fault commandFailed(FaultCode code, String what, String output) {
    return new Fault("storage", code, what + " failed: " + output,
        "check the message above and the daos_server log, fix the cause and retry");
  }

  public static Fault pathAccessDenied(Path path) {
    return new Fault("storage", FaultCode.STORAGE_PATH_ACCESS_DENIED,
        "path \"" + path + "\" has incompatible access permissions",
        "verify the path is accessible by the user running daos_server and try again");
  }

  public static Fault bdevNotFound(String device) {
    return new Fault("bdev", FaultCode.BDEV_NOT_FOUND, "block device " + device + " not found",
        "check that the kdev devices in the server config's bdev_list exist");
  }

  public static Fault notABlockDevice(String device) {
    return new Fault("bdev", FaultCode.BDEV_NOT_FOUND, device + " is not a block device",
        "list block devices (e.g. /dev/sdb) for class kdev, or use class file for regular files");
  }

  public static Fault spdkMissing() {
    return new Fault("bdev", FaultCode.MISSING_SOFTWARE_DEPENDENCY,
        "NVMe bdevs need SPDK (libspdk), which is not installed on this host",
        "use class file or kdev, or install SPDK");
  }

  public static Fault spdkUnsupported() {
    return new Fault("bdev", FaultCode.MISSING_SOFTWARE_DEPENDENCY,
        "NVMe bdevs need SPDK; libspdk is installed but this jdaos build cannot drive it yet",
        "use class file or kdev");
  }

  public static Fault bdevFormatFailed(String device, Exception cause) {
    return new Fault("bdev", FaultCode.BDEV_FORMAT_FAILURE, "format of " + device + " failed: " + cause.getMessage(),
        "", "check that daos_server can write " + device + " and that its file system has room", cause);
  }

  public static Fault scmIo(Path path, Exception cause) {
    return new Fault("scm", FaultCode.SCM_UNKNOWN, "SCM operation on " + path + " failed: " + cause.getMessage(),
        "", "check that daos_server can write " + path, cause);
  }
}
