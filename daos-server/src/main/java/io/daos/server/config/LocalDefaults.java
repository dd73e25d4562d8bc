package io.daos.server.config;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.ScmTier;
import java.nio.file.Path;
import java.util.List;

/** Builds {@link ServerConfig#defaultLocal}: a single node that needs no root, PMem, NVMe or hugepages. */
final class LocalDefaults {
  private LocalDefaults() {
  }

  static ServerConfig build(Path stateDir) {
    Path dir = stateDir.toAbsolutePath().normalize();
    Path log = dir.resolve("log");
    EngineConfig engine = EngineConfig.builder()
        .targets(ConfigDefaults.LOCAL_TARGETS)
        .nrXsHelpers(0)
        .fabric(FabricConfig.EMPTY.withIface(ConfigDefaults.LOCAL_FABRIC_IFACE)
            .withPort(ConfigDefaults.LOCAL_FABRIC_PORT))
        .logFile(log.resolve("daos_engine.0.log").toString())
        .storage(List.of(
            ScmTier.dir(dir.resolve("scm0").toString()),
            BdevTier.file(1, ConfigDefaults.LOCAL_BDEV_SIZE_GIB, dir.resolve("bdev0.img").toString())))
        .build();
    return ServerConfig.builder()
        .fabric(FabricConfig.EMPTY.withProvider(ConfigDefaults.LOCAL_PROVIDER))
        .mgmtSvcReplicas(ConfigDefaults.MGMT_SVC_REPLICAS)
        .socketDir(dir.resolve("run").toString())
        .controlLogFile(log.resolve("daos_server.log").toString())
        .helperLogFile(log.resolve("daos_server_helper.log").toString())
        .transport(TransportConfig.DEFAULT.withAllowInsecure(true))
        .engines(List.of(engine))
        .build();
  }
}
