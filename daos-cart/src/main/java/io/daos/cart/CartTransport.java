package io.daos.cart;

/**
 * Which network CART-J runs on; {@link io.daos.cart.transport.CartTransports} lists them (real TCP through Netty,
 * an in-memory one for tests). The builders of {@link CartServer} and {@link CartClient} hand themselves to the
 * transport, which builds its own server or client.
 */
public abstract class CartTransport {
  protected CartTransport() { }

  protected abstract CartServer newServer(CartServer.Builder b);

  protected abstract CartClient newClient(CartClient.Builder b);
}
