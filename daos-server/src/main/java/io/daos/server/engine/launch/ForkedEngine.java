package io.daos.server.engine.launch;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A daos_engine child process. SIGINT goes through kill(1) since Java has no API for it. */
final class ForkedEngine implements EngineProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ForkedEngine.class);

  private final Process process;
  private final CompletableFuture<String> exit;

  /** How long the exit status waits for the last stderr lines after the process has gone. */
  static final Duration TAIL_WAIT = Duration.ofSeconds(2);

  /** {@code stderr} collects the engine's last error lines, which the exit status then carries. */
  ForkedEngine(Process process, OutputTail stderr) {
    this.process = process;
    this.exit = process.onExit().thenCompose(p -> {
      ProcessEngineLauncher.closeQuietly(p.getOutputStream());
      String status = exitStatus(p.exitValue());
      if (p.exitValue() == 0) {
        return CompletableFuture.completedFuture(status);
      }
      return stderr.lines(TAIL_WAIT).thenApply(tail -> OutputTail.withTail(status, tail));
    });
  }

  /** Go's ExitError text: "exit status N", or "signal: killed"/"signal: interrupt" for 128+signal. */
  static String exitStatus(int code) {
    return switch (code) {
      case 128 + 9 -> "signal: killed";
      case 128 + 2 -> "signal: interrupt";
      case 128 + 15 -> "signal: terminated";
      default -> "exit status " + code;
    };
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void signal(Signal signal) {
    if (!process.isAlive()) {
      return;
    }
    switch (signal) {
      case SIGKILL -> process.destroyForcibly();
      case SIGTERM -> process.destroy();
      default -> kill(signal);
    }
  }

  private void kill(Signal signal) {
    try {
      Process k = new ProcessBuilder("kill", "-" + signal.killName(), Long.toString(process.pid()))
          .redirectErrorStream(true).start();
      if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
        LOG.warn("kill -{} {} failed; sending SIGKILL", signal.killName(), process.pid());
        process.destroyForcibly();
      }
    } catch (IOException e) {
      LOG.warn("kill -{} {}: {}; sending SIGKILL", signal.killName(), process.pid(), e.toString());
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public CompletableFuture<String> onExit() {
    return exit;
  }
}
