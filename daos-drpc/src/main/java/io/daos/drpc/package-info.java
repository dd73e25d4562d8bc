/**
 * dRPC, DAOS's Unix-socket RPC between engine, server and agent: the module and method numbers
 * (src/control/drpc/modules.go, src/include/daos/drpc_modules.h), the chunk framing and errors
 * (src/common/drpc.c), peer credentials, and the RAS events engines raise over it (src/engine/drpc_ras.c).
 * Transports, the server and the clients are in the subpackages.
 */
package io.daos.drpc;
