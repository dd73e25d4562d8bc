/**
 * The client side of pools, as DAOS's {@code src/pool/cli.c}: the pool service client that finds the leader among
 * the service replicas and retries ({@code ServiceClient} and its {@code RetryPolicy}, DAOS's {@code src/rsvc}
 * client), the client's cached pool map and its lazy refresh ({@code PoolMapCache}, {@code PoolMaps}), and what a
 * pool query and a container list return ({@code PoolInfo}, {@code ContainerSummary}).
 */
package io.daos.client.pool;
