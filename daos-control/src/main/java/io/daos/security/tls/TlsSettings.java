package io.daos.security.tls;

import java.util.List;

/**
 * Protocols and cipher suites of every TLS end. DAOS (grpc_cert_configs.go) pins TLS 1.2 with
 * TLS_RSA_WITH_AES_256_GCM_SHA384 only; jdaos offers TLS 1.3 first and keeps DAOS's pair, so that DAOS's Go dmg
 * and daos_agent still connect, with ECDHE-RSA AES-256-GCM in between for TLS 1.2 peers that can do better.
 */
public final class TlsSettings {
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
  public static final List<String> CIPHERS = List.of(
      "TLS_AES_256_GCM_SHA384",
      "TLS_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_RSA_WITH_AES_256_GCM_SHA384");

  private TlsSettings() {
  }
}
