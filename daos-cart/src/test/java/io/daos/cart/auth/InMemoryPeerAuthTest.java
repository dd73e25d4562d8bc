package io.daos.cart.auth;

import io.daos.cart.CartTransport;
import io.daos.cart.transport.CartTransports;

/** Peer authentication on the in-memory transport (what in-process clusters use). */
class InMemoryPeerAuthTest extends PeerAuthBehaviour {
  private final CartTransport net = CartTransports.inMemory();

  @Override
  protected CartTransport transport() {
    return net;
  }
}
