/**
 * The base of every {@code daos} command (picocli): the outcome a command returns, the pool and container
 * arguments with connecting and opening as DAOS's tool does, and the attribute operations pools and containers
 * share; DAOS {@code src/control/cmd/daos} ({@code pool.go} and {@code container.go} base commands,
 * {@code attribute.go}).
 */
package io.daos.tool.command;
