package io.daos.control.config;

/**
 * The {@code transport_config} section of daos_control.yml (DAOS security.TransportConfig, client side):
 * TLS is on unless {@code allow_insecure} is true.
 */
public record TransportConfig(boolean allowInsecure, String caCert, String cert, String key, String clientCertDir) {
  static final String CERT_DIR = "/etc/daos/certs/";

  /** DAOS's defaults for dmg: TLS with admin certificates under /etc/daos/certs. */
  public static TransportConfig adminDefaults() {
    return new TransportConfig(false, CERT_DIR + "daosCA.crt", CERT_DIR + "admin.crt", CERT_DIR + "admin.key", "");
  }

  public TransportConfig withAllowInsecure(boolean insecure) {
    return new TransportConfig(insecure, caCert, cert, key, clientCertDir);
  }
}
