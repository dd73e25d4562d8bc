/**
 * How dRPC endpoints meet: the AF_UNIX SOCK_SEQPACKET transport DAOS uses (src/common/drpc.c
 * {@code drpc_listen}/{@code drpc_connect}) and an in-memory one for tests, plus the chunked message channel both
 * carry.
 */
package io.daos.drpc.transport;
