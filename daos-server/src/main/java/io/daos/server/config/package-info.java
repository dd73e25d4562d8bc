/**
 * daos_server.yml: the immutable {@link io.daos.server.config.ServerConfig} and its {@code engines:} entries
 * ({@link io.daos.server.config.EngineConfig}), the strict YAML reader that names file, line and key, the writer, the
 * defaults in one place, and DAOS's validation rules and config faults. Mirrors DAOS
 * {@code src/control/server/config/} ({@code server.go}, {@code faults.go}) and the engine section's reading and
 * {@code Validate} of {@code src/control/server/engine/config.go}. The value types an engine section is built from
 * (storage tiers, fabric) are in {@link io.daos.server.config.engine}.
 */
package io.daos.server.config;
