/**
 * dmg, the administrator's command line: entry point and version; DAOS {@code src/control/cmd/dmg}.
 */
package io.daos.dmg;
