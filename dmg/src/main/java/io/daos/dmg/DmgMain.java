package io.daos.dmg;

import io.daos.dmg.command.ControlInvokers;
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
    return Dmg.run(args, System.out, System.err, ControlInvokers::grpc);
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
