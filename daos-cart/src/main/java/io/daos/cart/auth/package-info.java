/**
 * Engine-to-engine authentication on CART-J (jdaos's own; DAOS's CaRT has none): the system's key, the
 * challenge-response each connection runs once, and the gate that refuses server-only opcodes on connections
 * that did not prove the key.
 */
package io.daos.cart.auth;
