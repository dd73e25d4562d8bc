package io.daos.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command (dmg, daos_server version, ...) to completion. */
final class Commands {
  private Commands() {
  }

  static CommandResult run(List<String> cmd, Duration timeout) {
    return run(cmd, Map.of(), timeout);
  }

  /** As {@link #run(List, Duration)} with extra environment variables. */
  static CommandResult run(List<String> cmd, Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile("jdaos-cmd", ".out");
      Path err = Files.createTempFile("jdaos-cmd", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor();
          throw new AssertionError("timed out after " + timeout + ": " + cmd + "\nstdout so far: "
              + Files.readString(out, StandardCharsets.UTF_8) + "\nstderr so far: "
              + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new CommandResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + cmd, e);
    }
  }
}
