package io.daos.cart.netty;

import io.daos.cart.CartTransport;
import io.daos.cart.CartTransportBehaviour;
import io.daos.cart.transport.CartTransports;

/** The CART-J behaviour suite over TCP with Netty's NIO transport. */
class NioCartTest extends CartTransportBehaviour {
  @Override
  protected CartTransport transport() {
    return CartTransports.tcpNio();
  }

  @Override
  protected String deadUri() throws Exception {
    return TcpCartTest.closedPortUri();
  }
}
