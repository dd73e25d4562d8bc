package io.daos.control.server;

import io.daos.common.build.VersionedComponent;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * Installs DAOS's server interceptor chain on a service, in DAOS's order (outermost first):
 * logging → error annotation → status → version → handler. Access control (TLS only) comes later and
 * would sit innermost.
 */
public final class DaosServerInterceptors {
  private DaosServerInterceptors() {
  }

  public static ServerServiceDefinition intercept(ServerServiceDefinition service, String identity,
      VersionedComponent self, PeerComponentResolver peers) {
    // ServerInterceptors.intercept runs the last interceptor first.
    return ServerInterceptors.intercept(service, new VersionInterceptor(self, peers), new StatusInterceptor(),
        new ErrorAnnotationInterceptor(), new LoggingInterceptor(identity));
  }
}
