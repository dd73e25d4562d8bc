/**
 * Engine-to-engine authentication on CART-J (jdaos's own; DAOS's CaRT has none): the challenge-response each
 * connection runs once to prove the system's key ({@link io.daos.cart.PeerAuth}), and the gate that refuses
 * server-only opcodes on connections that did not prove it.
 */
package io.daos.cart.auth;
