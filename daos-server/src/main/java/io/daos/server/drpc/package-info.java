/**
 * daos_server's dRPC side: the listener on {@code daos_server.sock} and the upcall handlers engines call (SRV
 * NotifyReady, GetPoolSvc, ClusterEvent, pool lookups from the MS records; SEC ValidateCreds, with jdaos's credential window and nonce check in
 * {@code CredentialFreshness}). Mirrors DAOS
 * {@code src/control/server/mgmt_drpc.go}, {@code drpc.go} and {@code security_rpc.go}.
 */
package io.daos.server.drpc;
