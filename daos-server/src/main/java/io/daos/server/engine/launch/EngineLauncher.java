package io.daos.server.engine.launch;

import java.io.IOException;

/**
 * Starts daos_engine processes: {@link ProcessEngineLauncher} forks the real binary; tests use an
 * in-process launcher.
 */
public interface EngineLauncher {
  /** Starts an engine as {@code spec} says; the returned handle reports its exit. */
  EngineProcess launch(EngineLaunchSpec spec) throws IOException;
}
