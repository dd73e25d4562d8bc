package io.daos.server.config;

/** {@code transport_config}: TLS material of daos_server, or {@code allow_insecure: true}. */
public record TransportConfig(boolean allowInsecure, String clientCertDir, String caCert, String cert,
    String key) {
  public static final TransportConfig DEFAULT = new TransportConfig(false, ConfigDefaults.CLIENT_CERT_DIR,
      ConfigDefaults.CA_CERT, ConfigDefaults.SERVER_CERT, ConfigDefaults.SERVER_KEY);

  public TransportConfig withAllowInsecure(boolean insecure) {
    return new TransportConfig(insecure, clientCertDir, caCert, cert, key);
  }
}
