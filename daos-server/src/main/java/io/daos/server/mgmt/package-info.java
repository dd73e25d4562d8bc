/**
 * The gRPC MgmtSvc of daos_server: {@link io.daos.server.mgmt.MgmtService}, a thin adapter from protobuf calls to the
 * handlers of {@link io.daos.server.mgmt.pool} and {@link io.daos.server.mgmt.system}, and the interceptor that hands
 * them the caller's address. What the handlers share (serving rules, context, local engines) is in
 * {@link io.daos.server.mgmt.svc}. Mirrors the MgmtSvc registration of DAOS {@code src/control/server/server.go} and
 * the gRPC side of {@code src/control/server/mgmt_svc.go}.
 */
package io.daos.server.mgmt;
