package io.daos.control.server;

import io.daos.common.build.VersionedComponent;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * Installs DAOS's server interceptor chain on a service, in DAOS's order (outermost first):
 * logging → error annotation → status → version → [access, secure mode only] → handler. The access check decides
 * when the call starts, before the version check reads the request, so a caller whose certificate may not call
 * the method gets DAOS's "... does not have permission to call ..." even when its x-daos-component header
 * disagrees with its certificate (DAOS's unary chain runs the version check first and answers "component
 * mismatch" then; both are PERMISSION_DENIED).
 */
public final class DaosServerInterceptors {
  private DaosServerInterceptors() {
  }

  public static ServerServiceDefinition intercept(ServerServiceDefinition service, String identity,
      VersionedComponent self, PeerComponentResolver peers) {
    return intercept(service, identity, self, peers, false);
  }

  /** As above; {@code secure} adds DAOS's access check ({@link AccessInterceptor}) innermost. */
  public static ServerServiceDefinition intercept(ServerServiceDefinition service, String identity,
      VersionedComponent self, PeerComponentResolver peers, boolean secure) {
    // ServerInterceptors.intercept runs the last interceptor first.
    if (secure) {
      return ServerInterceptors.intercept(service, new AccessInterceptor(peers), new VersionInterceptor(self, peers),
          new StatusInterceptor(), new ErrorAnnotationInterceptor(), new LoggingInterceptor(identity));
    }
    return ServerInterceptors.intercept(service, new VersionInterceptor(self, peers), new StatusInterceptor(),
        new ErrorAnnotationInterceptor(), new LoggingInterceptor(identity));
  }
}
