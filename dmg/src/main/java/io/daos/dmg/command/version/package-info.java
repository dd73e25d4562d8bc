/**
 * {@code dmg version} and {@code dmg server-version}, and dmg's build identity; DAOS
 * {@code src/control/cmd/dmg/main.go} (version), {@code server.go} and {@code src/control/build}.
 */
package io.daos.dmg.command.version;
