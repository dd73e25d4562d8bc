package io.daos.server;

import io.daos.proto.mgmt.ClientNetHint;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.ServerConfig;
import java.util.List;

/** DAOS's client network hint (GetAttachInfo) from the server config: engine 0's fabric settings. */
final class NetHints {
  /** ARPHRD_ETHER; ARPHRD_LOOPBACK is 772. */
  static final int ETHER = 1;
  static final int LOOPBACK = 772;

  private NetHints() {
  }

  static List<ClientNetHint> of(ServerConfig cfg) {
    FabricConfig f = cfg.engines().isEmpty() ? cfg.fabric() : cfg.engineFabric(0);
    if (f.provider().isEmpty()) {
      return List.of();
    }
    String iface = f.fabricIface();
    return List.of(ClientNetHint.newBuilder()
        .setProvider(f.provider())
        .setInterface(iface)
        .setDomain(iface)
        .setCrtTimeout(f.crtTimeout())
        .setNetDevClass(iface.equals("lo") ? LOOPBACK : ETHER)
        .setSrvSrxSet(f.disableSrx() ? 0 : -1)
        .addAllEnvVars(cfg.clientEnvVars())
        .build());
  }
}
