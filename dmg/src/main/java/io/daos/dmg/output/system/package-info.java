/**
 * Output of {@code dmg system}: members and their states, per-rank results, the query, start/stop and
 * leader-query payloads, system properties and the rank-grouped tables; DAOS
 * {@code src/control/cmd/dmg/pretty/system.go}, {@code src/control/lib/control/system.go} and
 * {@code src/control/system} ({@code member.go}).
 */
package io.daos.dmg.output.system;
