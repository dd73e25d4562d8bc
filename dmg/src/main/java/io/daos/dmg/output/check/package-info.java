/** dmg check's JSON and text output ({@code lib/control/check.go}, {@code cmd/dmg/pretty/check.go}). */
package io.daos.dmg.output.check;
