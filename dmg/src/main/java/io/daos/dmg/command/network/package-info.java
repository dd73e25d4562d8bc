/**
 * {@code dmg network}; DAOS {@code src/control/cmd/dmg/network.go}.
 */
package io.daos.dmg.command.network;
