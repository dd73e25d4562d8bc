/** CART-J: jdaos's data-plane RPC transport, DAOS's CaRT (src/cart). */
package io.daos.cart;
