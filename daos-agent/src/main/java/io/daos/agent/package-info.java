/**
 * daos_agent: the client-node agent's lifecycle, signals and dRPC listener ({@code daos_agent.sock}); DAOS {@code
 * src/control/cmd/daos_agent}.
 */
package io.daos.agent;
