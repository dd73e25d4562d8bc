package io.daos.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT stop the server through its one close path (engines get SIGINT, then SIGKILL); the
 * waiting main thread then exits 0; a JVM shutdown hook takes the same path for any other exit.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {
  }

  static void onTermination(DaosServer server) {
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "daos_server-shutdown"));
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
          LOG.info("caught SIG{}, shutting down", name);
          server.close();
        });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.debug("cannot handle SIG{}: {}; relying on the shutdown hook", name, e.toString());
      }
    }
  }
}
