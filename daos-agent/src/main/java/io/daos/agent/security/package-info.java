/**
 * The agent's security dRPC module: AUTH_SYS credentials for local processes; DAOS {@code
 * src/control/cmd/daos_agent/security_rpc.go} and {@code src/control/security/auth}.
 */
package io.daos.agent.security;
