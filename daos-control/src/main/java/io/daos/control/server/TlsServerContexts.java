package io.daos.control.server;

import io.daos.security.tls.DaosTrustManager;
import io.daos.security.tls.TlsIdentity;
import io.daos.security.tls.TlsSettings;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * The server end of the control plane's mutual TLS (DAOS serverTLSConfig) for grpc-netty-shaded: the server's
 * certificate, a client certificate required and checked by {@link DaosTrustManager#checkingClients},
 * {@link TlsSettings}' protocols and ciphers. Needs grpc-netty-shaded on the class path (daemons have it).
 */
public final class TlsServerContexts {
  private TlsServerContexts() {
  }

  public static SslContext server(TlsIdentity id) {
    try {
      return GrpcSslContexts.configure(SslContextBuilder.forServer(id.keyManagers()[0]), SslProvider.JDK)
          .trustManager(DaosTrustManager.checkingClients(id)).clientAuth(ClientAuth.REQUIRE)
          .protocols(TlsSettings.PROTOCOLS).ciphers(TlsSettings.CIPHERS).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the server TLS context from " + id.certPath(), e);
    }
  }
}
