/**
 * The choice of CART-J transport, as DAOS picks its provider when CaRT starts (src/cart/crt_init.c). It sits above
 * the transports so that the API package depends on none of them.
 */
package io.daos.cart.transport;
