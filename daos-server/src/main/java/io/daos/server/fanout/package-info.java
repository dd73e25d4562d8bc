/**
 * The MS's fan-out of CtlSvc rank RPCs to the servers hosting the ranks: the invoker seam and its per-host responses
 * ({@link io.daos.server.fanout.ControlInvoker}, {@link io.daos.server.fanout.HostResponse}), rank and host resolution
 * against the membership with the results applied to member states ({@link io.daos.server.fanout.Fanout}), the
 * leader's host liveness check, ranged host sets and the member ↔ protobuf conversions. Mirrors DAOS
 * {@code src/control/lib/control} (the unary RPC fan-out, {@code HostResponse}) and {@code resolveRanks} /
 * {@code rpcFanout} of {@code src/control/server/mgmt_system.go}. Depends only on {@link io.daos.server.system}.
 */
package io.daos.server.fanout;
