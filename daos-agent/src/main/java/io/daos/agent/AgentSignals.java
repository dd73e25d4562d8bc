package io.daos.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's agent signals: TERM/INT stop the agent (one close path, also the shutdown hook), USR1 evicts all
 * tracked pool handles, USR2 refreshes the attach-info cache. The JVM may reserve a signal (HotSpot uses
 * SIGUSR2 on Linux unless {@code _JAVA_SR_SIGNUM} moves it); such a signal is logged and skipped.
 */
final class AgentSignals {
  private static final Logger LOG = LoggerFactory.getLogger(AgentSignals.class);

  private AgentSignals() {
  }

  static void install(DaosAgent agent) {
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "daos_agent-shutdown"));
    handle("TERM", agent::close);
    handle("INT", agent::close);
    handle("PIPE", () -> LOG.info("Signal received. Caught non-fatal SIGPIPE; continuing"));
    handle("USR1", agent::flushHandles);
    handle("USR2", agent::refreshCaches);
  }

  private static void handle(String name, Runnable action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
        LOG.info("Signal received. Caught SIG{}", name);
        action.run();
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.debug("cannot handle SIG{}: {}", name, e.toString());
    }
  }
}
