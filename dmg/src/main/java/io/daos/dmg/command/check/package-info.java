/** {@code dmg check}: DAOS's system checker commands ({@code cmd/dmg/check.go}) and the hidden {@code dmg faults}. */
package io.daos.dmg.command.check;
