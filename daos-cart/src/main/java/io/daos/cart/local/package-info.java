/**
 * CART-J's in-memory network for tests: servers found by URI, frames handed over in-process without sockets, failing
 * the way TCP does (the in-process counterpart of src/cart/crt_hg.c's transport).
 */
package io.daos.cart.local;
