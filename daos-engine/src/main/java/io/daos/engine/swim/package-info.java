/**
 * SWIM failure detection between engines, DAOS's {@code src/cart/swim} and {@code crt_swim.c}: the state machine,
 * its messages over CART-J, and the RAS event daos_server gets when a rank is declared dead.
 */
package io.daos.engine.swim;
