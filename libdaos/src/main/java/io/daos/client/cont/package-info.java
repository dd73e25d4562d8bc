/**
 * The client side of containers, as DAOS's {@code src/container/cli.c}: container properties and their numbers
 * ({@code ContainerProps}, {@code PropType}, DAOS's {@code daos_prop.h}), what a query and a snapshot list return
 * ({@code ContainerInfo}, {@code Snapshot}) and the batched OID allocator behind {@code daos_cont_alloc_oids}
 * ({@code OidAllocator}).
 */
package io.daos.client.cont;
