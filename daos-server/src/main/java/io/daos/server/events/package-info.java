/**
 * RAS events as the membership reacts to them: the event ({@link io.daos.server.events.RasEvent}) and its identifiers
 * numbered as DAOS's {@code ras.h}. Mirrors DAOS {@code src/control/events} ({@code ras.go}). Leaf package.
 */
package io.daos.server.events;
