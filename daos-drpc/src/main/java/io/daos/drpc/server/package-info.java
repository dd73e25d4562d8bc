/**
 * The dRPC server side: the listener and its sessions (src/control/drpc/drpc_server.go) and the registry of one
 * handler per module and method (src/control/drpc/module_svc.go, src/engine/drpc_handler.c).
 */
package io.daos.drpc.server;
