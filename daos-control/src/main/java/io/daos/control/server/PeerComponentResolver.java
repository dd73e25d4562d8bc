package io.daos.control.server;

import io.grpc.ServerCall;
import java.util.Optional;

/**
 * Tells the server which component a caller authenticated as (the CN of its TLS client certificate:
 * "server", "admin", "agent", ...). Empty means the call is not authenticated (insecure mode). The TLS
 * integration supplies a resolver reading {@code Grpc.TRANSPORT_ATTR_SSL_SESSION}; {@link #INSECURE} is the
 * default until then.
 */
@FunctionalInterface
public interface PeerComponentResolver {
  PeerComponentResolver INSECURE = call -> Optional.empty();

  Optional<String> componentOf(ServerCall<?, ?> call);
}
