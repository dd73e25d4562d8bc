package io.daos.server.engine.launch;

import java.util.concurrent.CompletableFuture;

/** A running engine as its launcher sees it. */
public interface EngineProcess {
  long pid();

  boolean isAlive();

  /** Sends {@code signal}; a no-op once the engine has exited. */
  void signal(Signal signal);

  /** Completes with DAOS's exit status text ("exit status 0", "signal: killed", ...) when the engine exits. */
  CompletableFuture<String> onExit();
}
