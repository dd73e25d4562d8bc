/**
 * CART-J, jdaos's data-plane RPC transport, DAOS's CaRT (src/cart): the API engines and clients use (servers,
 * clients, requests, replies, opcodes, URIs) and the wire frame every transport carries (crt_rpc.h's header).
 * The shared server/client machinery is in {@code context}, the transports in {@code netty} and {@code local}, and
 * {@link io.daos.cart.transport.CartTransports} picks one.
 */
package io.daos.cart;
