/**
 * {@code daos pool}: query, list-containers and pool attributes; DAOS {@code src/control/cmd/daos/pool.go}.
 */
package io.daos.tool.pool;
