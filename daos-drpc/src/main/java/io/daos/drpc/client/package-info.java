/**
 * dRPC clients: over a socket (src/control/drpc/drpc_client.go) or straight into a registry in the same process.
 */
package io.daos.drpc.client;
