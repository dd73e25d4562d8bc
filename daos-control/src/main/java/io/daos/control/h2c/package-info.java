/**
 * A plaintext HTTP/2 (h2c, prior knowledge, RFC 9113) transport for unary gRPC calls, with its own HPACK
 * (RFC 7541): the channel of insecure clients that do not ship netty (dmg), so that a short-lived command does
 * not load and link grpc-java's transport stack for its one round trip. DAOS has no counterpart (its Go clients
 * use grpc-go's transport); TLS channels stay on grpc-java.
 */
package io.daos.control.h2c;
