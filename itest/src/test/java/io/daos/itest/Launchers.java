package io.daos.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the checkout's bin/ launchers and checks that the modules they run have been packaged. */
final class Launchers {
  private Launchers() {
  }

  /** The checkout root (the parent of the itest module). */
  static Path root() {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return p.getFileName().toString().equals("itest") ? p.getParent() : p;
  }

  static Path bin(String name) {
    Path launcher = root().resolve("bin").resolve(name);
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("missing launcher " + launcher);
    }
    return launcher;
  }

  /** Fails with a clear message when `mvn package` has not produced what the launchers run. */
  static void requirePackaged(String... modules) throws IOException {
    for (String m : modules) {
      Path cp = root().resolve(m).resolve("target").resolve("classpath");
      if (!Files.isRegularFile(cp)) {
        throw new IllegalStateException(m + " is not packaged (" + cp + " missing): run `mvn -B verify`, not `mvn test`");
      }
    }
  }
}
