/**
 * dmg's command tree (picocli): the shared base that opens the control client, and the top-level groups; DAOS {@code
 * src/control/cmd/dmg/main.go} and {@code command.go}.
 */
package io.daos.dmg.command;
