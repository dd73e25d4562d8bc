/**
 * Support log collection shared by {@code dmg support collect-log}, the server's CtlSvc CollectLog and
 * {@code daos_server support collect-log} (DAOS src/control/lib/support): what is collected, where it goes in the
 * target folder, the date/time window, and the tar.gz archive.
 */
package io.daos.control.support;
