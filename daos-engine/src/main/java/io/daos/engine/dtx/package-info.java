/**
 * Distributed transactions of replicated modifications (DAOS {@code src/dtx}: dtx_common.c, dtx_rpc.c, dtx_srv.c):
 * the leader's execution and forwarding, the per-container DTX tables, batched asynchronous commit, abort, and the
 * refresh a non-leader does when a read meets PREPARED data.
 */
package io.daos.engine.dtx;
