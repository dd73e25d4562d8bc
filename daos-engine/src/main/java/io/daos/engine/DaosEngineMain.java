package io.daos.engine;

import io.daos.cart.transport.CartTransports;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.engine.log.EngineLogging;
import io.daos.cart.CartTransport;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code daos_engine}: parses DAOS's engine flags and environment, starts {@link DaosEngine}, and exits 0
 * after a clean shutdown (SIGINT/SIGTERM, or daos_server gone), 1 on bad usage or a failed start.
 */
public final class DaosEngineMain {
  private static final long PARENT_POLL_MS = 1000;

  private DaosEngineMain() {
  }

  public static void main(String[] argv) {
    System.exit(run(argv));
  }

  static int run(String[] argv) {
    EngineArgsParser.Result parsed;
    EngineEnv env;
    try {
      parsed = EngineArgsParser.parse(argv);
    } catch (EngineUsageException e) {
      System.err.println("daos_engine: " + e.getMessage());
      System.err.print(EngineUsage.text());
      return 1;
    }
    if (parsed.help()) {
      System.out.print(EngineUsage.text());
      return 0;
    }
    try {
      env = EngineEnv.from(System.getenv());
    } catch (EngineUsageException e) {
      System.err.println("daos_engine: " + e.getMessage());
      return 1;
    }
    return runEngine(parsed, env);
  }

  private static int runEngine(EngineArgsParser.Result parsed, EngineEnv env) {
    EngineLogging logging;
    try {
      logging = EngineLogging.configure(env.logFile(), env.logMask());
    } catch (IllegalArgumentException e) {
      System.err.println("daos_engine: D_LOG_MASK=" + env.logMask() + ": " + e.getMessage());
      return 1;
    }
    Logger log = LoggerFactory.getLogger(DaosEngineMain.class);
    parsed.warnings().forEach(w -> log.warn("daos_engine: {}", w));
    DaosEngine engine = new DaosEngine(parsed.args(), env, logging, DrpcTransport.seqpacket(),
        CartTransports.tcp(), ProcessHandle.current().pid());
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "engine-shutdown"));
    ShutdownSignals.install(engine::close);
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    InputStream stdin = ParentWatchdog.stdinIsPipe() ? System.in : null;
    ParentWatchdog watchdog = new ParentWatchdog(engine::close).start(stdin, parent, PARENT_POLL_MS);
    try {
      engine.start();
      engine.awaitClose();
      return 0;
    } catch (IOException | EngineUsageException e) {
      log.error("daos_engine: failed to start: {}", e.getMessage());
      log.debug("daos_engine: start failure", e);
      engine.close();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      engine.close();
      return 1;
    } catch (RuntimeException e) {
      log.error("daos_engine: failed to start: {}", e.getMessage(), e);
      engine.close();
      return 1;
    } finally {
      watchdog.close();
    }
  }
}
