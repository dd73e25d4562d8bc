package io.daos.engine;

import org.slf4j.LoggerFactory;

/**
 * SIGINT and SIGTERM start the engine's own close path instead of the JVM's exit, so that main can return
 * and the process exits 0 after a clean shutdown (the shutdown hook still covers other exits).
 */
final class ShutdownSignals {
  private ShutdownSignals() {
  }

  static void install(Runnable close) {
    for (String sig : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> {
          LoggerFactory.getLogger(ShutdownSignals.class).info("engine: SIG{} received", sig);
          new Thread(close, "engine-signal-" + sig).start();
        });
      } catch (IllegalArgumentException e) {
        LoggerFactory.getLogger(ShutdownSignals.class).debug("cannot handle SIG{}: {}", sig, e.getMessage());
      }
    }
  }
}
