package io.daos.server.config;

import java.util.List;

/**
 * Every default of daos_server.yml, in one place (DAOS {@code config.DefaultServer()},
 * {@code security.DefaultServerTransportConfig()}, {@code engine.Config} and storage defaults).
 */
public final class ConfigDefaults {
  public static final String DEFAULT_CONFIG_PATH = "/etc/daos/daos_server.yml";
  public static final String SYSTEM_NAME = "daos_server";
  public static final int CONTROL_PORT = 10001;
  public static final String SOCKET_DIR = "/var/run/daos_server";
  public static final List<String> MGMT_SVC_REPLICAS = List.of("localhost:" + CONTROL_PORT);
  public static final String CONTROL_LOG_MASK = "INFO";
  public static final int SYSTEM_RAM_RESERVED_GIB = 64;
  public static final int ENGINE_AUTO_RESTART_MIN_DELAY_SECS = 300;
  /** private, shared, ELF (core(5)). */
  public static final int CORE_DUMP_FILTER = 0x13;

  public static final String CERT_DIR = "/etc/daos/certs/";
  public static final String CLIENT_CERT_DIR = CERT_DIR + "clients";
  public static final String CA_CERT = CERT_DIR + "daosCA.crt";
  public static final String SERVER_CERT = CERT_DIR + "server.crt";
  public static final String SERVER_KEY = CERT_DIR + "server.key";

  /** Engine log mask when {@code log_mask} is unset (the engine's own default). */
  public static final String ENGINE_LOG_MASK = "ERR";
  /** {@code nr_xs_helpers} when absent from YAML (Go zero value). */
  public static final int NR_XS_HELPERS = 0;
  /** System name written into a superblock when the config has none. */
  public static final String SUPERBLOCK_SYSTEM = "daos_engine";

  /** Minimum tmpfs size for SCM class ram (DAOS MinRamdiskMem). */
  public static final long MIN_RAMDISK_BYTES = 4L << 30;
  public static final String NVME_CONF_NAME = "daos_nvme.conf";
  public static final String CONTROL_METADATA_SUBDIR = "daos_control";

  /** Values {@link ServerConfig#defaultLocal} uses. */
  public static final String LOCAL_PROVIDER = "ofi+tcp";
  public static final String LOCAL_FABRIC_IFACE = "lo";
  public static final int LOCAL_FABRIC_PORT = 31416;
  public static final int LOCAL_TARGETS = 1; // so that `dmg pool create -z 2G` meets the 1 GiB-per-target NVMe minimum
  public static final int LOCAL_BDEV_SIZE_GIB = 4; // sparse: costs no disk until written

  private ConfigDefaults() {
  }
}
