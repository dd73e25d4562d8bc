package io.daos.server;

import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.ServerConfig;
import io.daos.server.engine.launch.EngineCommandLine;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.EngineInstance;
import io.daos.server.engine.launch.EngineLaunchSpec;
import io.daos.server.engine.launch.EngineLauncher;
import io.daos.server.engine.InstanceSettings;
import io.daos.server.engine.LocalEngineStorage;
import io.daos.server.engine.MgmtServiceClient;
import io.daos.server.engine.RasPublisher;

/** Builds the harness's engine instances from the server config (DAOS server.go createEngine). */
final class EngineFactory {
  private EngineFactory() {
  }

  static EngineHarness harness(ServerConfig cfg, ControlAddress ctl, EngineLauncher launcher,
      DrpcTransport drpc, MgmtServiceClient ms, RasPublisher events) {
    EngineHarness harness = new EngineHarness();
    String host = InstanceSettings.shortHostname();
    for (int idx = 0; idx < cfg.engines().size(); idx++) {
      harness.add(instance(cfg, idx, host, ctl, launcher, drpc, ms, events));
    }
    return harness;
  }

  private static EngineInstance instance(ServerConfig cfg, int idx, String host, ControlAddress ctl,
      EngineLauncher launcher, DrpcTransport drpc, MgmtServiceClient ms, RasPublisher events) {
    EngineConfig ec = cfg.engines().get(idx);
    return EngineInstance.builder(idx)
        .storage(new LocalEngineStorage(idx, ec, cfg.engineNvmeConfigPath(idx), host))
        .launcher(launcher)
        .drpcClients(socket -> DrpcClient.builder(socket).transport(drpc).build())
        .launchSpecs(checker -> launchSpec(cfg, idx, checker))
        .mgmtClient(ms)
        .events(events)
        .systemName(cfg.name())
        .controlAddr(ctl.joinAddr())
        .faultDomain(cfg.faultPath())
        .hostname(host)
        .bootstrapRankZero(idx == 0 && ctl.isBootstrapReplica())
        .build();
  }

  private static EngineLaunchSpec launchSpec(ServerConfig cfg, int idx, boolean checker) {
    EngineCommandLine cmd = EngineCommandLine.builder(cfg, idx).checker(checker)
        .nvmeConf(cfg.engineNvmeConfigPath(idx)).serverEnv(System.getenv()).build();
    return new EngineLaunchSpec(idx, cmd.argv(), cmd.env(), cfg.engines().get(idx).logFile());
  }
}
