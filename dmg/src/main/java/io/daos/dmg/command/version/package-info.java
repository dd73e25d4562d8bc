/**
 * {@code dmg version} and {@code dmg server-version}; DAOS {@code src/control/cmd/dmg/main.go} (version) and {@code
 * server.go}.
 */
package io.daos.dmg.command.version;
