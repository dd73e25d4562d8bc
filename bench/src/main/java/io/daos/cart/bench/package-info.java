/** CART-J ping-pong next to a raw Netty one (benchmark mains, see docs/benchmarks.md). */
package io.daos.cart.bench;
