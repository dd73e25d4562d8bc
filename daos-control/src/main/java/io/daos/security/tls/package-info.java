/**
 * Mutual TLS of the control plane (DAOS src/control/security: config.go, pem.go, grpc_cert_configs.go,
 * faults.go): loading and checking the certificate files of a {@code transport_config}, the trust rules of both
 * ends, and the protocol and cipher settings.
 */
package io.daos.security.tls;
