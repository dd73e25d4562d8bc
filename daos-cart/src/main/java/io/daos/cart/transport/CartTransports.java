package io.daos.cart.transport;

import io.daos.cart.CartTransport;
import io.daos.cart.local.LocalTransport;
import io.daos.cart.netty.NettyTransport;

/**
 * The CART-J transports to choose from, as DAOS chooses its provider when CaRT starts (src/cart/crt_init.c):
 * real TCP through Netty or an in-memory network for tests. Servers and clients built on the same in-memory
 * transport see each other; nothing else does.
 */
public final class CartTransports {
  private CartTransports() {
  }

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
}
