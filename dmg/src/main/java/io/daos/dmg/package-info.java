/**
 * dmg, the administrator's command line: entry point and the root command that renders output and errors; DAOS
 * {@code src/control/cmd/dmg}.
 */
package io.daos.dmg;
