package io.daos.server.config;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.ScmTier;
import java.util.List;

/** Config fixtures for tests, like DAOS's MockServerCfg / uncommented example config. */
final class TestConfigs {
  private TestConfigs() {
  }

  /** A valid engine like DAOS's example engine {@code idx}: 16 targets, 4 helpers, ram SCM, one NVMe SSD. */
  static EngineConfig exampleEngine(int idx) {
    return EngineConfig.builder()
        .targets(16)
        .nrXsHelpers(4)
        .pinnedNumaNode(idx)
        .fabric(FabricConfig.EMPTY.withIface("ib" + idx).withPort(20000 + idx))
        .logFile("/tmp/daos_engine." + idx + ".log")
        .storage(List.of(ScmTier.ram("/mnt/daos" + idx, 16), BdevTier.nvme(1, "0000:8" + (1 + idx) + ":00.0")))
        .build();
  }

  /** A valid two-engine server config (validates without faults). */
  static ServerConfig example() {
    return ServerConfig.builder()
        .fabric(FabricConfig.EMPTY.withProvider("ofi+verbs;ofi_rxm"))
        .mgmtSvcReplicas(List.of("hostA:10001"))
        .engines(List.of(exampleEngine(0), exampleEngine(1)))
        .build();
  }

  /** One minimally-valid engine on a server with provider "foo" (DAOS engine tests' validConfig). */
  static ServerConfig single(EngineConfig e) {
    return ServerConfig.builder()
        .fabric(FabricConfig.EMPTY.withProvider("foo"))
        .engines(List.of(e))
        .build();
  }

  static EngineConfig minimalEngine() {
    return EngineConfig.builder()
        .targets(8)
        .pinnedNumaNode(0)
        .fabric(FabricConfig.EMPTY.withIface("ib0").withPort(42))
        .storage(List.of(ScmTier.ram("/foo/bar", 4)))
        .build();
  }
}
