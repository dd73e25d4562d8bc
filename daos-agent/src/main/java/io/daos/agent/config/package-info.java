/**
 * daos_agent.yml: the agent's configuration, its defaults and validation; DAOS {@code
 * src/control/cmd/daos_agent/config.go}.
 */
package io.daos.agent.config;
