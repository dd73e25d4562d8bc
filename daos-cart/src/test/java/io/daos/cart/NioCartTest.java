package io.daos.cart;

/** The CART-J behaviour suite over TCP with Netty's NIO transport. */
class NioCartTest extends CartTransportBehaviour {
  @Override
  CartTransport transport() {
    return CartTransport.tcpNio();
  }

  @Override
  String deadUri() throws Exception {
    return TcpCartTest.closedPortUri();
  }
}
