/**
 * {@code dmg telemetry metrics list|query} (DAOS {@code src/control/cmd/dmg/telemetry.go},
 * {@code src/control/lib/control/telemetry.go}): scrape one server's Prometheus exporter and show its metric sets.
 */
package io.daos.dmg.command.telemetry;
