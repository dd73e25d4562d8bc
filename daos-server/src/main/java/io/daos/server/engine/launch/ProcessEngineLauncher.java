package io.daos.server.engine.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forks {@code daos_engine} (DAOS's engine.Runner): the binary next to the daos_server launcher
 * ({@code jdaos.bin.dir} system property, or {@code JDAOS_BIN_DIR}), else {@code daos_engine} on PATH; only
 * the spec's environment (env isolation); stdout logged at INFO and stderr at ERROR with prefix
 * {@code daos_engine:<idx>}; stdin kept open as a pipe, so an engine exits when daos_server dies, even by
 * SIGKILL (the Java stand-in for DAOS's Pdeathsig).
 */
public final class ProcessEngineLauncher implements EngineLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessEngineLauncher.class);
  public static final String BINARY = "daos_engine";

  private final String binary;

  /** Uses {@link #findBinary(Map)} with the system properties and environment of this JVM. */
  public ProcessEngineLauncher() {
    this(findBinary(System.getenv()));
  }

  public ProcessEngineLauncher(String binary) {
    this.binary = binary;
  }

  /** {@code <jdaos.bin.dir or JDAOS_BIN_DIR>/daos_engine} if it is executable, else "daos_engine" (PATH). */
  public static String findBinary(Map<String, String> env) {
    String dir = System.getProperty("jdaos.bin.dir");
    if (dir == null || dir.isEmpty()) {
      dir = env.get("JDAOS_BIN_DIR");
    }
    if (dir != null && !dir.isEmpty()) {
      Path p = Path.of(dir, BINARY);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
      LOG.warn("{} not found or not executable; looking for {} on PATH", p, BINARY);
    }
    return BINARY;
  }

  public String binary() {
    return binary;
  }

  @Override
  public EngineProcess launch(EngineLaunchSpec spec) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary);
    cmd.addAll(spec.args());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().clear();
    pb.environment().putAll(spec.env());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("starting " + binary + ": " + e.getMessage()
          + "; set -Djdaos.bin.dir or JDAOS_BIN_DIR to the directory holding daos_engine, or put it on PATH", e);
    }
    LOG.info("engine {}: started {} (pid {}) {}", spec.index(), binary, p.pid(), String.join(" ", spec.args()));
    String prefix = BINARY + ":" + spec.index();
    OutputTail stderr = new OutputTail();
    OutputPump.start(prefix, p.getInputStream(), false, null);
    OutputPump.start(prefix, p.getErrorStream(), true, stderr);
    return new ForkedEngine(p, stderr);
  }

  /** Keeps the child's stdin open for its lifetime (closing it tells the engine to exit). */
  static void closeQuietly(OutputStream s) {
    try {
      s.close();
    } catch (IOException e) {
      LOG.trace("closing engine stdin: {}", e.toString());
    }
  }
}
