/**
 * {@code dmg pool exclude|drain|reintegrate|extend} and {@code dmg pool rebuild start|stop}: pool-map changes of
 * DAOS {@code src/control/cmd/dmg/pool.go} ({@code poolRanksCmd}, {@code poolRebuildCmd}) with the per-rank loop
 * of {@code lib/control/pool.go}.
 */
package io.daos.dmg.command.pool.ranks;
