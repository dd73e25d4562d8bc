package io.daos.server.config.engine;

/**
 * Fabric settings, valid at top level and per engine: {@code provider}, {@code fabric_iface},
 * {@code fabric_iface_port} (0 = unset), {@code crt_timeout} (seconds, 0 = unset), {@code disable_srx},
 * {@code fabric_auth_key}.
 */
public record FabricConfig(String provider, String fabricIface, int fabricIfacePort, int crtTimeout,
    boolean disableSrx, String fabricAuthKey) {
  public static final FabricConfig EMPTY = new FabricConfig("", "", 0, 0, false, "");

  public FabricConfig {
    provider = provider == null ? "" : provider.trim();
    fabricIface = fabricIface == null ? "" : fabricIface.trim();
    fabricAuthKey = fabricAuthKey == null ? "" : fabricAuthKey;
  }

  /** Fills unset fields from {@code parent}, as DAOS's FabricConfig.Update does for each engine. */
  public FabricConfig inheritFrom(FabricConfig parent) {
    return new FabricConfig(
        provider.isEmpty() ? parent.provider : provider,
        fabricIface.isEmpty() ? parent.fabricIface : fabricIface,
        fabricIfacePort == 0 ? parent.fabricIfacePort : fabricIfacePort,
        crtTimeout == 0 ? parent.crtTimeout : crtTimeout,
        disableSrx || parent.disableSrx,
        fabricAuthKey.isEmpty() ? parent.fabricAuthKey : fabricAuthKey);
  }

  public FabricConfig withProvider(String p) {
    return new FabricConfig(p, fabricIface, fabricIfacePort, crtTimeout, disableSrx, fabricAuthKey);
  }

  public FabricConfig withIface(String iface) {
    return new FabricConfig(provider, iface, fabricIfacePort, crtTimeout, disableSrx, fabricAuthKey);
  }

  public FabricConfig withPort(int port) {
    return new FabricConfig(provider, fabricIface, port, crtTimeout, disableSrx, fabricAuthKey);
  }

  public FabricConfig withCrtTimeout(int secs) {
    return new FabricConfig(provider, fabricIface, fabricIfacePort, secs, disableSrx, fabricAuthKey);
  }

  public FabricConfig withDisableSrx(boolean disable) {
    return new FabricConfig(provider, fabricIface, fabricIfacePort, crtTimeout, disable, fabricAuthKey);
  }

  public FabricConfig withAuthKey(String key) {
    return new FabricConfig(provider, fabricIface, fabricIfacePort, crtTimeout, disableSrx, key);
  }
}
