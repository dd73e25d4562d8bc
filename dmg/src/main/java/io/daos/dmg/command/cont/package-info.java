/** {@code dmg container}: DAOS {@code src/control/cmd/dmg/cont.go} (set-owner). */
package io.daos.dmg.command.cont;
