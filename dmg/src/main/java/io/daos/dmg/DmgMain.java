package io.daos.dmg;

import io.daos.common.DaemonThreads;
import io.daos.control.ChannelFactory;
import io.daos.control.config.ControlConfig;
import io.daos.dmg.command.ControlInvokers;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code dmg} entry point: quiet JUL (grpc) logging, run, exit 0 on success and 1 on any error. dmg logs
 * through slf4j-simple to stderr (WARN, or DEBUG with -d): it starts far faster than a configured logback.
 */
public final class DmgMain {
  private DmgMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    configureLogging(java.util.Arrays.asList(args).contains("-d") || java.util.Arrays.asList(args).contains("--debug"));
    silenceJul();
    skipJdkTrustStore();
    Thread prewarm = prewarmTransport(args);
    return Dmg.run(args, System.out, System.err, cfg -> {
      awaitPrewarm(prewarm);
      return ControlInvokers.grpc(cfg);
    });
  }

  /**
   * dmg trusts only the DAOS CA of its configuration ({@code DaosTrustManager}) and scrapes telemetry over http, so
   * the JDK's cacerts never applies; okhttp's platform probe would still parse all of it, even for a plaintext
   * channel (a fifth of a short dmg run's CPU). A trust store the user names is kept.
   */
  static void skipJdkTrustStore() {
    if (System.getProperty(TRUST_STORE) == null) {
      System.setProperty(TRUST_STORE, "NONE");
    }
  }

  static final String TRUST_STORE = "javax.net.ssl.trustStore";

  /** The class whose initialisation is okhttp's platform probe (JSSE's default context and an engine). */
  static final String OKHTTP_PLATFORM = "io.grpc.okhttp.internal.Platform";

  /**
   * Runs okhttp's platform probe on a second thread while this one parses the command line and reads the
   * configuration: every okhttp channel builder needs it, even a plaintext one, and it is a fifth of a short run's
   * CPU. Insecure channels are jdaos's h2c client, which needs no probe: the thread first reads the configuration
   * (its classes load here, beside the parse, for the main thread's own read) and probes only if TLS is on.
   * The thread is a daemon: a command that opens no channel exits without waiting for it. Returns the thread.
   */
  static Thread prewarmTransport(String[] args) {
    return DaemonThreads.start("dmg-transport-prewarm", () -> {
      if (insecureOnH2c(args, h2cForInsecure())) {
        return;
      }
      try {
        Class.forName(OKHTTP_PLATFORM, true, DmgMain.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // no okhttp (a test class path) or a broken JSSE: the channel builder reports it where it is needed
      }
    });
  }

  /**
   * True if this run's channels will be insecure ({@code -i}/{@code --insecure}, or the configuration's
   * {@code allow_insecure}) and so {@link io.daos.control.h2c.H2cChannel}s. False when unsure (a configuration
   * that does not load: the main thread reports it).
   */
  static boolean insecureOnH2c(String[] args, boolean h2cForInsecure) {
    try {
      if (!h2cForInsecure) {
        return false;
      }
      String path = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("-i") || args[i].equals("--insecure")) {
          return true;
        }
        if ((args[i].equals("-o") || args[i].equals("--config-path")) && i + 1 < args.length) {
          path = args[i + 1];
        } else if (args[i].startsWith("--config-path=")) {
          path = args[i].substring("--config-path=".length());
        }
      }
      return ControlConfig.load(path == null ? null : Path.of(path)).transport().allowInsecure();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean h2cForInsecure() {
    try {
      return ChannelFactory.insecureUsesH2c();
    } catch (IllegalArgumentException e) {
      return false; // the channel factory reports the bad JDAOS_GRPC_TRANSPORT
    }
  }

  /**
   * Waits for {@link #prewarmTransport}'s thread before the client is built, so that only the command line and
   * the YAML configuration run beside the probe, never the client's own TLS set-up.
   */
  static void awaitPrewarm(Thread prewarm) {
    try {
      prewarm.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void configureLogging(boolean debug) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
  }

  static void silenceJul() {
    LogManager.getLogManager().reset();
    Logger.getLogger("").setLevel(Level.OFF);
    Logger.getLogger("io.grpc").setLevel(Level.OFF);
  }
}
