/**
 * The MS's system RPCs: Join, LeaderQuery, SystemQuery, GetAttachInfo, ClusterEvent, the rank fan-outs SystemStop
 * and SystemStart, SystemExclude, SystemErase, and system attributes and properties. Mirrors DAOS
 * {@code src/control/server/mgmt_system.go}; the fan-out itself is in {@link io.daos.server.fanout}.
 */
package io.daos.server.mgmt.system;
