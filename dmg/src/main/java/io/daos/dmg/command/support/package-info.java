/** {@code dmg support}: debug tasks for the support team (DAOS cmd/dmg/support.go). */
package io.daos.dmg.command.support;
