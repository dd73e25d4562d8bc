package io.daos.server.config;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;

/** DAOS's server-config (domain "serverconfig") and storage-config (domain "storage") faults. */
public final class ConfigFaults {
  static final String DOMAIN = "serverconfig";
  static final String STORAGE = "storage";
  static final String RESTART = " and restart the control server";

  private ConfigFaults() {
  }

  static Fault fault(FaultCode code, String desc, String res) {
    return new Fault(DOMAIN, code, desc, res);
  }

  static Fault storage(FaultCode code, String desc, String res) {
    return new Fault(STORAGE, code, desc, res);
  }

  /** "insufficient information in configuration", with the specific problem and what to change. */
  public static Fault badConfig(String problem, String resolution) {
    return fault(FaultCode.SERVER_BAD_CONFIG, problem, resolution == null
        ? "supply path to valid configuration file, use examples for reference" : resolution);
  }

  public static Fault badControlPort() {
    return fault(FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT, "invalid control port in configuration",
        "specify a positive non-zero network port in configuration ('port' parameter)" + RESTART);
  }

  public static Fault badTelemetryPort() {
    return fault(FaultCode.SERVER_CONFIG_BAD_TELEMETRY_PORT, "invalid telemetry port in configuration",
        "specify a positive non-zero network port in configuration ('telemetry_port' parameter)" + RESTART);
  }

  public static Fault badMgmtSvcReplicas() {
    return fault(FaultCode.SERVER_CONFIG_BAD_MGMT_SVC_REPLICAS, "invalid list of MS replicas in configuration",
        "'mgmt_svc_replicas' must contain resolvable addresses; fix the configuration" + RESTART);
  }

  public static Fault evenMgmtSvcReplicas() {
    return fault(FaultCode.SERVER_CONFIG_EVEN_MGMT_SVC_REPLICAS, "non-odd number of MS replicas in configuration",
        "'mgmt_svc_replicas' must contain an odd number (e.g. 1, 3, 5, etc.) of addresses; fix the "
            + "configuration" + RESTART);
  }

  public static Fault noProvider() {
    return fault(FaultCode.SERVER_CONFIG_BAD_PROVIDER, "provider not specified in server configuration",
        "specify a valid network provider in configuration ('provider' parameter)" + RESTART);
  }

  public static Fault controlMetadataNoPath() {
    return fault(FaultCode.SERVER_CONFIG_CONTROL_METADATA_NO_PATH,
        "using a control_metadata device requires a path to use as the mount point",
        "add a valid 'path' to the 'control_metadata' section of the config");
  }

  public static Fault sysRsvdZero() {
    return fault(FaultCode.SERVER_CONFIG_SYS_RSVD_ZERO, "`system_ram_reserved` is set to zero in server config",
        "set `system_ram_reserved` to a positive integer value in config");
  }

  public static Fault enableHotplugDeprecated() {
    return fault(FaultCode.SERVER_CONFIG_ENABLE_HOTPLUG_DEPRECATED,
        "'enable_hotplug' setting is deprecated and no longer supported",
        "set 'disable_hotplug: true' in server config file to disable hotplug");
  }

  public static Fault bothFaultPathAndCb() {
    return fault(FaultCode.SERVER_CONFIG_BOTH_FAULT_PATH_AND_CB,
        "both fault domain and fault path are defined in the configuration",
        "remove either the fault domain ('fault_path' parameter) or callback script ('fault_cb' parameter)"
            + RESTART);
  }

  public static Fault hugepagesDisabledWithNvmeBdevs() {
    return fault(FaultCode.SERVER_CONFIG_HUGEPAGES_DISABLED_WITH_NVME_BDEVS,
        "hugepages cannot be disabled if nvme-bdevs have been specified in config",
        "either set false (or remove) disable_hugepages parameter or remove nvme storage assignment in config"
            + RESTART);
  }

  public static Fault hugepagesDisabledWithNrSet() {
    return fault(FaultCode.SERVER_CONFIG_HUGEPAGES_DISABLED_WITH_NR_SET,
        "hugepages cannot be disabled if non-zero number has been specified in config",
        "either set false (or remove) disable_hugepages parameter or remove nr_hugepages assignment in config"
            + RESTART);
  }

  public static Fault bdevExcludeClash() {
    return fault(FaultCode.SERVER_CONFIG_BDEV_EXCLUDE_CLASH,
        "'bdev_exclude' list includes address used in engine config bdev_list",
        "make sure addresses excluded are not included in engine storage configs then restart daos_server");
  }

  public static Fault nrHugepagesOutOfRange(long req, long max) {
    return fault(FaultCode.SERVER_CONFIG_NR_HUGEPAGES_OUT_OF_RANGE,
        String.format("number of hugepages specified (%d) is out of range (0 - %d)", req, max),
        String.format("specify a nr_hugepages value between 0 and %d", max));
  }

  public static Fault duplicateFabric(int cur, int seen) {
    return fault(FaultCode.SERVER_CONFIG_DUPLICATE_FABRIC,
        String.format("the fabric configuration in I/O Engine %d is a duplicate of I/O Engine %d", cur, seen),
        "ensure that each I/O Engine has a unique combination of provider,fabric_iface,fabric_iface_port "
            + "and restart");
  }

  public static Fault duplicateLogFile(int cur, int seen) {
    return dupe(FaultCode.SERVER_CONFIG_DUPLICATE_LOG_FILE, "log_file", cur, seen);
  }

  public static Fault duplicateScmMount(int cur, int seen) {
    return dupe(FaultCode.SERVER_CONFIG_DUPLICATE_SCM_MOUNT, "scm_mount", cur, seen);
  }

  public static Fault duplicateScmDeviceList(int cur, int seen) {
    return dupe(FaultCode.SERVER_CONFIG_DUPLICATE_SCM_DEVICE_LIST, "scm_list", cur, seen);
  }

  private static Fault dupe(FaultCode code, String name, int cur, int seen) {
    return fault(code, String.format("the %s value in I/O Engine %d is a duplicate of I/O Engine %d", name, cur,
        seen), String.format("ensure that each I/O Engine has a unique %s value and restart", name));
  }

  public static Fault scmDiffClass(int cur, int seen) {
    return fault(FaultCode.SERVER_CONFIG_SCM_DIFF_CLASS,
        String.format("the SCM class in engine %d is different from engine %d", cur, seen),
        "ensure that each I/O Engine has a single SCM tier with the same class and restart");
  }

  public static Fault scmDiffHugeEnabled(int cur, int seen) {
    return fault(FaultCode.SERVER_CONFIG_SCM_HUGE_ENABLED,
        String.format("the scm_hugepages_disabled in engine %d is different from engine %d", cur, seen),
        "ensure that each I/O Engine has the same setting for this parameter and restart");
  }

  public static Fault overlappingBdevDeviceList(int cur, int seen) {
    return fault(FaultCode.SERVER_CONFIG_OVERLAPPING_BDEV_DEVICE_LIST,
        String.format("the bdev_list value in engine %d overlaps with entries in engine %d", cur, seen),
        "ensure that each I/O Engine has a unique set of bdev_list entries and restart");
  }

  public static Fault targetCountMismatch(int cur, int curCount, int seen, int seenCount) {
    return fault(FaultCode.SERVER_CONFIG_TARGET_COUNT_MISMATCH,
        String.format("the target count is not equal across engines, engine %d has %d but engine %d has %d",
            cur, curCount, seen, seenCount),
        "ensure that each I/O Engine has an equal integer value for targets parameter and restart");
  }

  public static Fault helperStreamCountMismatch(int cur, int curCount, int seen, int seenCount) {
    return fault(FaultCode.SERVER_CONFIG_HELPER_STREAM_COUNT_MISMATCH,
        String.format("the helper stream count is not equal across engines, engine %d has %d but engine %d "
            + "has %d", cur, curCount, seen, seenCount),
        "ensure that each I/O Engine has an equal integer value for nr_xs_helpers parameter and restart");
  }

  public static Fault ramdiskUnderMinMem(long confBytes, long minBytes) {
    return storage(FaultCode.SERVER_CONFIG_RAMDISK_UNDER_MIN_MEM,
        String.format("configured ram-disk size %s is lower than the minimum (%s) required for SCM",
            gib(confBytes), gib(minBytes)),
        String.format("remove the 'scm_size' parameter so it can be automatically set or manually set to a "
            + "value above %s in the config file", gib(minBytes)));
  }

  private static String gib(long bytes) {
    return (bytes >> 30) + " GiB";
  }

  public static Fault scmConfigTierMissing() {
    return storage(FaultCode.SCM_CONFIG_TIER_MISSING, "missing scm storage tier in engine storage config",
        "add a scm tier in the first position of the engine storage tiers list in server config file and "
            + "restart daos_server");
  }

  public static Fault bdevConfigTierTypeMismatch() {
    return storage(FaultCode.BDEV_CONFIG_TIER_TYPE_MISMATCH,
        "bdev tiers found with both emulated and non-emulated NVMe types specified in config",
        "change config tiers to specify either emulated or non-emulated NVMe devices, but not a mix of both");
  }

  public static Fault bdevRolesWithDcpm() {
    return storage(FaultCode.BDEV_CONFIG_ROLES_WITH_DCPM,
        "MD-on-SSD roles has been specified in config with scm class set to dcpm",
        "'bdev_roles' are only supported if the scm tier is of class ram so change dcpm tier to ram or remove "
            + "role assignments from bdev tiers then restart daos_server after updating server config file");
  }

  public static Fault bdevRolesMissing() {
    return storage(FaultCode.BDEV_CONFIG_ROLES_MISSING,
        "bdev tier MD-on-SSD roles have been specified on some but not all bdev tiers in config",
        "set 'bdev_roles' on all bdev tiers in server config file then restart daos_server");
  }

  public static Fault bdevRolesWalDataNoMeta() {
    return storage(FaultCode.BDEV_CONFIG_ROLES_WAL_DATA_NO_META,
        "WAL and Data MD-on-SSD roles have been specified on a bdev tier without Meta role",
        "set 'bdev_roles' on all bdev tiers in server config file but avoid the unsupported WAL+Data "
            + "combination then restart daos_server");
  }

  public static Fault bdevMultiTiersWithoutRoles() {
    return storage(FaultCode.BDEV_CONFIG_MULTI_TIER_WITHOUT_ROLES,
        "multiple bdev tiers but MD-on-SSD roles have not been specified",
        "set 'bdev_roles' on all bdev tiers or use only a single bdev tier in server config file then "
            + "restart daos_server");
  }

  public static Fault bdevBadNrTiersWithRoles() {
    return storage(FaultCode.BDEV_CONFIG_BAD_NR_TIERS_WITH_ROLES,
        "only 1, 2 or 3 bdev tiers are supported when MD-on-SSD roles are specified",
        "reduce the number of bdev tiers to 3 or less in server config file then restart daos_server");
  }

  public static Fault bdevBadNrRoles(String role, int got, int want) {
    return storage(FaultCode.BDEV_CONFIG_ROLES_BAD_NR, String.format("found %d %s tiers, wanted %d", got, role,
        want), String.format("assign %s role to %d tiers in server config file then restart daos_server", role,
        want));
  }

  public static Fault bdevControlMetadataNoRoles() {
    return storage(FaultCode.BDEV_CONFIG_CONTROL_METADATA_NO_ROLES,
        "using 'control_metadata.path' requires MD-on-SSD roles",
        "set 'bdev_roles' on bdev tiers in the engine storage section of the server config file then "
            + "restart daos_server");
  }

  public static Fault bdevRolesNoControlMetadata() {
    return storage(FaultCode.BDEV_CONFIG_ROLES_NO_CONTROL_METADATA,
        "'control_metadata.path' is required when MD-on-SSD roles are specified",
        "set 'control_metadata.path' in the engine storage section of the server config file then "
            + "restart daos_server");
  }
}
