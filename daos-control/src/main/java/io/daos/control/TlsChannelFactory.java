package io.daos.control;

import io.daos.security.tls.DaosTrustManager;
import io.daos.security.tls.TlsIdentity;
import io.daos.security.tls.TlsSettings;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Channels with DAOS's mutual TLS (clientTLSConfig): this component's certificate, the server checked by
 * {@link DaosTrustManager#checkingServers} (CA and CN "server", no host name check: DAOS certificates name a role).
 * Built on grpc-netty-shaded when present (daemons), else grpc-okhttp (dmg). The credentials argument of
 * {@link #create} is ignored.
 */
final class TlsChannelFactory implements ChannelFactory {
  private static final String NETTY = "io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder";
  private static final String OKHTTP = "io.grpc.okhttp.OkHttpChannelBuilder";

  private final ChannelFactory impl;

  TlsChannelFactory(TlsIdentity id) {
    Objects.requireNonNull(id, "id");
    if (present(NETTY)) {
      impl = Netty.factory(id);
    } else if (present(OKHTTP)) {
      impl = OkHttp.factory(id);
    } else {
      throw new IllegalStateException("no gRPC transport (grpc-netty-shaded or grpc-okhttp) on the class path");
    }
  }

  /** grpc-okhttp's TLS channels whatever else is on the class path (dmg's transport). */
  static ChannelFactory okHttp(TlsIdentity id) {
    return OkHttp.factory(id);
  }

  private static boolean present(String cls) {
    try {
      Class.forName(cls, false, TlsChannelFactory.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public ManagedChannel create(String target, ChannelCredentials ignored) {
    return impl.create(target, ignored);
  }

  /** Loaded only when netty is on the class path. */
  private static final class Netty {
    static ChannelFactory factory(TlsIdentity id) {
      io.grpc.netty.shaded.io.netty.handler.ssl.SslContext ctx;
      try {
        ctx = io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts.configure(
            io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder.forClient(),
            io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider.JDK)
            .keyManager(id.keyManagers()[0]).trustManager(DaosTrustManager.checkingServers(id))
            .protocols(TlsSettings.PROTOCOLS).ciphers(TlsSettings.CIPHERS).build();
      } catch (SSLException e) {
        throw new IllegalStateException("cannot build the client TLS context from " + id.certPath(), e);
      }
      return (target, creds) -> io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(target)
          .sslContext(ctx).build();
    }
  }

  /** Loaded only when okhttp is on the class path (and netty is not). */
  private static final class OkHttp {
    static ChannelFactory factory(TlsIdentity id) {
      javax.net.ssl.SSLSocketFactory sf = id.clientContext().getSocketFactory();
      // The trust manager has checked the CA and the CN "server"; DAOS certificates name no host.
      return (target, creds) -> io.grpc.okhttp.OkHttpChannelBuilder.forTarget(target).sslSocketFactory(sf)
          .hostnameVerifier((host, session) -> true).build();
    }
  }
}
