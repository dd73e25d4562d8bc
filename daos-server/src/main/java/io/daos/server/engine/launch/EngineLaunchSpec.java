package io.daos.server.engine.launch;

import java.util.List;
import java.util.Map;

/**
 * What to launch for engine {@code index}: DAOS's argv (without the binary) and the engine's complete,
 * isolated environment (from EngineCommandLine), and where its output goes ({@code logFile} null or empty =
 * the server log).
 */
public record EngineLaunchSpec(int index, List<String> args, Map<String, String> env, String logFile) {
  public EngineLaunchSpec {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }
}
