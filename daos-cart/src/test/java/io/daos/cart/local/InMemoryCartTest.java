package io.daos.cart.local;

import io.daos.cart.CartTransport;
import io.daos.cart.CartTransportBehaviour;
import io.daos.cart.transport.CartTransports;

/** The CART-J behaviour suite on the in-memory transport. */
class InMemoryCartTest extends CartTransportBehaviour {
  private final CartTransport net = CartTransports.inMemory();

  @Override
  protected CartTransport transport() {
    return net;
  }

  @Override
  protected String deadUri() {
    return "ofi+tcp://127.0.0.1:1";
  }
}
