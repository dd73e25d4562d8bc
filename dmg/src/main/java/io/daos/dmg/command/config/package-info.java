/** {@code dmg config}: server configuration derived from the hardware of remote hosts (DAOS cmd/dmg/auto.go). */
package io.daos.dmg.command.config;
