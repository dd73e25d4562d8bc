/**
 * Calls to every engine of a pool at once over CART-J, and the wait for the group map to name them: what DAOS's
 * collective RPCs over a pool's ranks do (DAOS {@code src/cart} collective RPCs as {@code src/pool} and
 * {@code src/container} use them). It imports nothing from {@code io.daos.engine}, so every engine package can use it.
 */
package io.daos.engine.fanout;
