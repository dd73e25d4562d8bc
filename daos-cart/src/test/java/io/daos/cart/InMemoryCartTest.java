package io.daos.cart;

/** The CART-J behaviour suite on the in-memory transport. */
class InMemoryCartTest extends CartTransportBehaviour {
  private final CartTransport net = CartTransport.inMemory();

  @Override
  CartTransport transport() {
    return net;
  }

  @Override
  String deadUri() {
    return "ofi+tcp://127.0.0.1:1";
  }
}
