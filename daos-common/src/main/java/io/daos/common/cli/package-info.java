/**
 * What DAOS's command-line tools (dmg and daos) share in how they report: the {@code -j} envelope and the one-line
 * error text. Mirrors DAOS's {@code src/control/cmd/dmg/pretty} and {@code cmdutil} output helpers.
 */
package io.daos.common.cli;
