package io.daos.server.config;

/**
 * {@code transport_config}: TLS material of daos_server, or {@code allow_insecure: true}; plus the jdaos
 * credential keys of {@link CredentialPolicy}.
 */
public record TransportConfig(boolean allowInsecure, String clientCertDir, String caCert, String cert,
    String key, CredentialPolicy credentials) {
  public static final TransportConfig DEFAULT = new TransportConfig(false, ConfigDefaults.CLIENT_CERT_DIR,
      ConfigDefaults.CA_CERT, ConfigDefaults.SERVER_CERT, ConfigDefaults.SERVER_KEY);

  /** DAOS's keys only; the credential checks keep their defaults. */
  public TransportConfig(boolean allowInsecure, String clientCertDir, String caCert, String cert, String key) {
    this(allowInsecure, clientCertDir, caCert, cert, key, CredentialPolicy.DEFAULT);
  }

  public TransportConfig withAllowInsecure(boolean insecure) {
    return new TransportConfig(insecure, clientCertDir, caCert, cert, key, credentials);
  }

  public TransportConfig withCredentials(CredentialPolicy c) {
    return new TransportConfig(allowInsecure, clientCertDir, caCert, cert, key, c);
  }
}
