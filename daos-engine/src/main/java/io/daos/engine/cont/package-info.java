/**
 * The container service, DAOS's {@code src/container} ({@code srv_container.c}, {@code srv_layout.h}): containers
 * and their handles, properties and ACLs in the pool service's {@link io.daos.engine.rdb.Rdb}, the container RPCs,
 * and the fan-out that destroys a container on every target.
 */
package io.daos.engine.cont;
