package io.daos.cart.auth;

import io.daos.cart.CartTransport;
import io.daos.cart.transport.CartTransports;

/** Peer authentication over TCP. */
class TcpPeerAuthTest extends PeerAuthBehaviour {
  @Override
  protected CartTransport transport() {
    return CartTransports.tcp();
  }
}
