/**
 * The agent's management dRPC module: attach info (cached), fabric selection, process monitoring and pool eviction;
 * DAOS {@code src/control/cmd/daos_agent/mgmt_rpc.go} and {@code procmon.go}.
 */
package io.daos.agent.mgmt;
