/**
 * What every CART-J transport shares: dispatch of requests to their opcode's handler on the target's executor
 * (src/cart/crt_rpc.c {@code crt_handle_rpc}), the per-target executors, and the calls a connection waits on with
 * their timeouts (src/cart/crt_context.c's timeout list).
 */
package io.daos.cart.context;
