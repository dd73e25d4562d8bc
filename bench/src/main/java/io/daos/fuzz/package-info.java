/**
 * jdaos-fuzz: feeds malformed dRPC frames, protobuf bodies, CART-J frames and gRPC requests to a running one-node
 * system and checks after every batch that each daemon is alive and still answers a normal request (see
 * docs/fuzz.md). Not a test: a main, run by {@code bin/jdaos-fuzz}.
 */
package io.daos.fuzz;
