/**
 * What the MgmtSvc handlers share on one server: the MS serving rules ({@link io.daos.server.mgmt.svc.MsAccess}:
 * checkReplicaRequest, checkLeaderRequest and their errors), the context handed to every handler
 * ({@link io.daos.server.mgmt.svc.MsContext}), the local engines pool operations call over dRPC
 * ({@link io.daos.server.mgmt.svc.PoolEngines} and the pool dRPCs), the CaRT group updater and the local eraser.
 * Mirrors DAOS {@code src/control/server/mgmt_svc.go} (the mgmtSvc struct and its request checks) and the harness's
 * {@code CallDrpc} of {@code src/control/server/harness.go}. Used by {@link io.daos.server.mgmt.pool} and
 * {@link io.daos.server.mgmt.system}; it depends on neither.
 */
package io.daos.server.mgmt.svc;
