/**
 * Output of {@code daos pool query}: the pool info as the tool fills it, its text and JSON; DAOS
 * {@code src/control/cmd/daos/pretty/pool.go} and {@code src/control/lib/daos} ({@code PoolInfo}).
 */
package io.daos.tool.output.pool;
