/**
 * dRPC, DAOS's Unix-socket RPC between engine, server and agent (src/common/drpc.c, src/control/drpc), and the RAS
 * events engines raise over it (src/engine/drpc_ras.c).
 */
package io.daos.drpc;
