package io.daos.dmg;

import io.daos.common.DaemonThreads;
import io.daos.control.ChannelFactory;
import io.daos.control.h2c.H2cChannel;
import io.daos.dmg.command.ControlInvokers;
import io.daos.control.config.ControlConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    skipJdkTrustStore();
    disablePicocliClosures();
    Prewarm prewarm = prewarmTransport(args);
    return Dmg.run(args, System.out, System.err, cfg -> {
      if (waitsForPrewarm(cfg)) {
        awaitPrewarm(prewarm.thread()); // okhttp's probe must not run beside the client's own TLS set-up
      }
      return ControlInvokers.grpc(cfg);
    }, prewarm::config);
  }

  /**
   * The prewarm thread and the configuration it read: its file's path as {@code -o} gave it (null: the default
   * search) and the configuration, once read.
   */
  record Prewarm(Thread thread, CompletableFuture<Loaded> loaded) {
    /**
     * The configuration at {@code path}: the one the prewarm thread read if it read this path (waiting for it),
     * else read here. A configuration the thread could not read is read again here, so its error is reported.
     */
    ControlConfig config(Path path) {
      Loaded l;
      try {
        l = loaded.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        l = null;
      } catch (ExecutionException e) {
        l = null;
      }
      return l != null && l.config() != null && Objects.equals(l.path(), path) ? l.config() : ControlConfig.load(path);
    }
  }

  /** A configuration read at {@code path} (null: the default search); {@code config} null if it did not load. */
  record Loaded(Path path, ControlConfig config) {
  }

  /**
   * dmg trusts only the DAOS CA of its configuration ({@code DaosTrustManager}) and scrapes telemetry over http, so
   * the JDK's cacerts never applies; okhttp's platform probe would still parse all of it, even for a plaintext
   * channel (a fifth of a short dmg run's CPU). A trust store the user names is kept.
   */
  static void skipJdkTrustStore() {
    setIfUnset(TRUST_STORE, "NONE");
  }

  /** Sets system property {@code key} unless the user set it (a {@code -D} wins); true if it was set here. */
  private static boolean setIfUnset(String key, String value) {
    return System.getProperties().putIfAbsent(key, value) == null;
  }

  static final String TRUST_STORE = "javax.net.ssl.trustStore";

  /** The class whose initialisation is okhttp's platform probe (JSSE's default context and an engine). */
  static final String OKHTTP_PLATFORM = "io.grpc.okhttp.internal.Platform";

  /**
   * Starts a second thread that readies, while this one parses the command line, what the command needs next
   * (dmg's start-up is part of every command, and the machine has a second core for it): it reads the configuration
   * the command line names (the main thread takes it from here: {@link Prewarm#config}; reading YAML also starts
   * java.util.logging, whose set-up searches every jar of the class path for a logger service), readies reflective
   * field access and quiets java.util.logging (grpc's). For channels that will be insecure, jdaos's h2c client, it
   * initialises the classes of a call ({@link #H2C_CALL_CLASSES}) and resolves the first control host (the JDK's
   * resolver set-up, and the answer lands in the JDK's address cache for the connection); the main thread does not
   * wait for it. For TLS it runs okhttp's platform probe, which every okhttp channel builder needs (a fifth of a
   * short run's CPU), and the main thread waits for it before building the client. The thread is a daemon: a
   * command that opens no channel exits without waiting for it. Returns the thread and what it read.
   */
  static Prewarm prewarmTransport(String[] args) {
    CompletableFuture<Loaded> loaded = new CompletableFuture<>();
    Thread t = DaemonThreads.start("dmg-transport-prewarm", () -> {
      Path path = configPath(args);
      ControlConfig cfg = null;
      try {
        cfg = ControlConfig.load(path);
      } catch (RuntimeException e) {
        // the main thread reads it again and reports the error
      } finally {
        loaded.complete(new Loaded(path, cfg));
      }
      warmFieldReflection();
      silenceJul(); // grpc's logger, before grpc's classes (the main thread's, on h2c; see run)
      if (insecureOnH2c(args, cfg, h2cForInsecure())) {
        warmH2c(cfg);
        return;
      }
      try {
        Class.forName(OKHTTP_PLATFORM, true, DmgMain.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // no okhttp (a test class path) or a broken JSSE: the channel builder reports it where it is needed
      }
    });
    return new Prewarm(t, loaded);
  }

  /** A field of each type dmg's command objects have, for {@link #warmFieldReflection}. */
  private static final class FieldShapes {
    Object object;
    boolean flag;
    int number;
  }

  /**
   * Reads and writes a field of each type picocli sets in dmg's command objects (references, booleans, ints). The
   * JDK reaches fields reflectively through method handles, and the first access of each type generates their
   * classes (a tenth of a short dmg run, when the main thread met them first); this thread makes them beside the
   * main thread's parse, and they are kept for every field of the type.
   */
  static void warmFieldReflection() {
    FieldShapes shapes = new FieldShapes();
    for (Field f : FieldShapes.class.getDeclaredFields()) {
      try {
        f.setAccessible(true);
        f.set(shapes, f.get(shapes));
      } catch (IllegalAccessException | RuntimeException e) {
        return; // only an optimisation
      }
    }
  }

  /**
   * Whether the client for {@code cfg} is built only after the second thread is done: with TLS (okhttp's probe
   * there), not for jdaos's h2c client (insecure), whose classes that thread merely readies ahead.
   */
  static boolean waitsForPrewarm(ControlConfig cfg) {
    return !(cfg.transport().allowInsecure() && h2cForInsecure());
  }

  /**
   * Classes whose initialisation an h2c call runs first: protobuf's runtime version check (a cold
   * {@code String.format}) and its writer (which probes for Android classes), and grpc's context (which probes for
   * an override class); the probes are searches of every jar of the class path.
   */
  static final List<String> H2C_CALL_CLASSES = List.of("com.google.protobuf.RuntimeVersion",
      "com.google.protobuf.CodedOutputStream", "io.grpc.Context");

  private static void warmH2c(ControlConfig cfg) {
    for (String c : H2C_CALL_CLASSES) {
      try {
        Class.forName(c, true, DmgMain.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // the call reports it where the class is used
      }
    }
    if (cfg == null) {
      return;
    }
    try {
      List<String> hosts = cfg.hostAddresses();
      if (!hosts.isEmpty()) {
        H2cChannel.resolveAhead(hosts.get(0));
      }
    } catch (IOException | RuntimeException e) {
      // the connection resolves again and reports an unknown host
    }
  }

  /** The configuration path {@code -o}/{@code --config-path} gives, or null (the default search). */
  static Path configPath(String[] args) {
    String path = null;
    for (int i = 0; i < args.length; i++) {
      if ((args[i].equals("-o") || args[i].equals("--config-path")) && i + 1 < args.length) {
        path = args[i + 1];
      } else if (args[i].startsWith("--config-path=")) {
        path = args[i].substring("--config-path=".length());
      }
    }
    return path == null ? null : Path.of(path);
  }

  /**
   * True if this run's channels will be insecure ({@code -i}/{@code --insecure}, or {@code cfg}'s
   * {@code allow_insecure}) and so {@link io.daos.control.h2c.H2cChannel}s. False when unsure (a configuration
   * that did not load, {@code cfg} null: the main thread reports it).
   */
  static boolean insecureOnH2c(String[] args, ControlConfig cfg, boolean h2cForInsecure) {
    if (!h2cForInsecure) {
      return false;
    }
    for (String a : args) {
      if (a.equals("-i") || a.equals("--insecure")) {
        return true;
      }
    }
    return cfg != null && cfg.transport().allowInsecure();
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

  /** slf4j's binding in dmg, named so that slf4j does not search the class path for one (a service lookup). */
  static final String SLF4J_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

  /**
   * picocli looks for Groovy's closure class when it first makes a command factory unless told not to; dmg has no
   * Groovy, and a class that is not there is searched for in every jar of the class path (opening them all: a
   * tenth of a short run, on the main thread).
   */
  static void disablePicocliClosures() {
    setIfUnset(PICOCLI_CLOSURES, "true");
  }

  static final String PICOCLI_CLOSURES = "picocli.disable.closures";

  static void configureLogging(boolean debug) {
    if (setIfUnset("slf4j.provider", SLF4J_PROVIDER)) {
      // slf4j says on stderr which provider it was told to load unless its own messages are at WARN or above
      setIfUnset("slf4j.internal.verbosity", "WARN");
    }
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
