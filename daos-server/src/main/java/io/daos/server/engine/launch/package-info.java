/**
 * Starting {@code daos_engine}: the launcher seam ({@link io.daos.server.engine.launch.EngineLauncher}, with the
 * forking {@link io.daos.server.engine.launch.ProcessEngineLauncher} as the real one), the running process and the
 * signals sent to it, the output pump into the server log, and the engine's argv and environment exactly as DAOS
 * generates them. Mirrors DAOS {@code src/control/server/engine/exec.go} (Runner) and the {@code CmdLineArgs} /
 * {@code CmdLineEnv} rules of {@code src/control/server/engine/config.go} and {@code src/control/common/env_utils.go}.
 * Depends only on the config packages; the instances in {@link io.daos.server.engine} use it.
 */
package io.daos.server.engine.launch;
