/**
 * {@code dmg pool}; DAOS {@code src/control/cmd/dmg/pool.go}.
 */
package io.daos.dmg.command.pool;
