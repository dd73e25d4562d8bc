/**
 * System membership, the MS's domain rules on top of the MS database's member store: members and their states, joins
 * (batched), state updates from fan-out results and RAS events, exclusion, fault domains, the CaRT group map, system
 * properties, and the system errors and faults. Mirrors DAOS {@code src/control/system} ({@code member.go},
 * {@code membership.go}, {@code faultdomain.go}, {@code properties.go}, {@code errors.go}, {@code faults.go}).
 */
package io.daos.server.system;
