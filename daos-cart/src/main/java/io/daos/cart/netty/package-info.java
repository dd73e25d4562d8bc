/**
 * CART-J over TCP through Netty (epoll or NIO): servers, clients, connections and the frame codec, what DAOS does
 * through Mercury and libfabric's ofi+tcp provider (src/cart/crt_hg.c).
 */
package io.daos.cart.netty;
