/**
 * {@code dmg system}; DAOS {@code src/control/cmd/dmg/system.go}.
 */
package io.daos.dmg.command.system;
