package io.daos.server.mgmt.pool;

import io.daos.common.ByteSize;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.List;
import java.util.stream.Collectors;

/** The pool faults of DAOS's server/faults.go, with its codes and texts. */
final class PoolFaults {
  private static final String DOMAIN = "server";

  private PoolFaults() {
  }

  static Fault noLabel() {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_NO_LABEL, "cannot create a pool without a pool label",
        "retry the operation with a label set");
  }

  static Fault duplicateLabel(String label) {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_DUPLICATE_LABEL,
        "pool label \"" + label + "\" already exists in the system", "retry the request with a unique pool label");
  }

  static Fault invalidServiceReps(int max) {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_INVALID_SERVICE_REPS,
        "pool service replicas number should be an odd number between 1 and " + max,
        "retry the request with a valid number of pool service replicas");
  }

  static Fault invalidNumRanks(int req, int avail) {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_INVALID_NUM_RANKS,
        "pool request contains invalid number of ranks (requested: " + req + ", available: " + avail + ")",
        "retry the request with a valid number of ranks");
  }

  static Fault invalidRanks(List<Integer> invalid) {
    String list = invalid.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_INVALID_RANKS,
        "pool request contains invalid " + (invalid.size() == 1 ? "rank" : "ranks") + ": " + list,
        "retry the request with a valid set of ranks");
  }

  static Fault scmTooSmall(long minTotal, long minScm) {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_SCM_TOO_SMALL,
        "requested SCM capacity is too small (min " + iec(PoolSizing.SCM_MIN_PER_TARGET) + " per target)",
        "retry the request with a pool size of at least " + iec(minTotal + ByteSize.MIB) + ", with at least "
            + iec(minScm + ByteSize.MIB) + " SCM");
  }

  static Fault nvmeTooSmall(long minTotal, long minNvme) {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_NVME_TOO_SMALL,
        "requested NVMe capacity too small (min " + iec(PoolSizing.NVME_MIN_PER_TARGET) + " per target)",
        "retry the request with a pool size of at least " + iec(minTotal + ByteSize.MIB) + ", with at least "
            + iec(minNvme + ByteSize.MIB) + " NVMe");
  }

  /** DAOS FaultPoolMemRatioNoRoles. */
  static Fault memRatioNoRoles() {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_MEM_RATIO_NO_ROLES,
        "pool create request contains MD-on-SSD parameters but MD-on-SSD has not been enabled",
        "either remove MD-on-SSD-specific options from the command request or set bdev_roles in server config "
            + "file to enable MD-on-SSD");
  }

  /** DAOS FaultPoolTooFewFaultDomains. */
  static Fault tooFewFaultDomains(int rdFac, int domains) {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_TOO_FEW_FAULT_DOMAINS, "pool redundancy factor " + rdFac
        + " requires at least " + (rdFac + 1) + " fault domains but only " + domains + " are available",
        "retry the request with a lower redundancy factor or add more fault domains");
  }

  /** DAOS system.FaultPoolLocked. */
  static Fault poolLocked(String description) {
    return new Fault("system", FaultCode.SYSTEM_POOL_LOCKED, description, "retry the pool operation");
  }

  static Fault hasContainers() {
    return new Fault(DOMAIN, FaultCode.SERVER_POOL_HAS_CONTAINERS, "cannot destroy a pool with existing containers",
        "retry the operation with the recursive flag set to remove containers along with the pool");
  }

  private static String iec(long bytes) {
    return ByteSize.ofBytes(bytes).toIecString();
  }
}
