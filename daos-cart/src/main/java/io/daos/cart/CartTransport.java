package io.daos.cart;

/**
 * Which network CART-J runs on: real TCP (Netty, epoll when available) or an in-memory one for tests.
 * Servers and clients built on the same in-memory transport see each other; nothing else does.
 */
public abstract class CartTransport {
  CartTransport() { }

  /** TCP through Netty, epoll when the native transport loads, NIO otherwise. */
  public static CartTransport tcp() {
    return NettyTransport.EPOLL_PREFERRED;
  }

  /** TCP through Netty's NIO transport even where epoll is available. */
  public static CartTransport tcpNio() {
    return NettyTransport.NIO;
  }

  /** A fresh in-memory network: frames are handed over in-process, no sockets. */
  public static CartTransport inMemory() {
    return new LocalTransport();
  }

  abstract CartServer newServer(CartServer.Builder b);

  abstract CartClient newClient(CartClient.Builder b);
}
