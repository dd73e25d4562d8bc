package io.daos.control.server;

import io.daos.security.Authorization;
import io.daos.security.tls.DaosTrustManager;
import io.grpc.Grpc;
import io.grpc.ServerCall;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The component a TLS caller authenticated as: the CN of the verified client certificate mapped as DAOS's
 * {@code CommonNameToComponent} ("admin", "agent", "server", else "undefined"). Empty only when the call came
 * without a TLS session, which a secure server never accepts.
 */
public final class TlsPeerComponentResolver implements PeerComponentResolver {
  public static final TlsPeerComponentResolver INSTANCE = new TlsPeerComponentResolver();

  private TlsPeerComponentResolver() {
  }

  @Override
  public Optional<String> componentOf(ServerCall<?, ?> call) {
    SSLSession s = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (s == null) {
      return Optional.empty();
    }
    try {
      Certificate[] peer = s.getPeerCertificates();
      if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
        return Optional.of(Authorization.Component.UNDEFINED.toString());
      }
      return Optional.of(Authorization.Component.fromCommonName(DaosTrustManager.commonName(leaf)).toString());
    } catch (SSLPeerUnverifiedException e) {
      return Optional.of(Authorization.Component.UNDEFINED.toString());
    }
  }
}
