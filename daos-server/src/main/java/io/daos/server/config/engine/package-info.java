/**
 * The value types an engine's section of daos_server.yml is made of: its {@code storage:} tiers (SCM and bdev
 * tiers, storage classes, MD-on-SSD bdev roles, bus-id ranges, acceleration, SPDK settings, bdev auto-faulty), as
 * DAOS {@code src/control/server/storage/config.go}, and the fabric settings ({@code FabricConfig} of
 * {@code src/control/server/engine/config.go}). Leaf package: it depends on nothing else in the server, so the
 * config parser, the storage providers and the engine launcher can all share it.
 */
package io.daos.server.config.engine;
