/**
 * {@code daos}, the user's command line: entry point, the root command with its global flags and the one path
 * that prints output and errors, {@code daos version}; DAOS {@code src/control/cmd/daos} ({@code main.go},
 * {@code util.go}).
 */
package io.daos.tool;
