package io.daos.engine;

import io.daos.common.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the engine does not outlive its daos_server, even after {@code kill -9} of the server (the
 * JVM has no Pdeathsig): it fires once when stdin (a pipe the server keeps open) reaches end of file, or
 * when the parent process is gone or has changed (polled every second).
 */
public final class ParentWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ParentWatchdog.class);

  private final Runnable onParentGone;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("parent-watchdog"));

  public ParentWatchdog(Runnable onParentGone) {
    this.onParentGone = onParentGone;
  }

  /**
   * True when stdin is a pipe (as daos_server starts its engines); an engine started by hand with stdin on
   * a terminal or /dev/null must not take end of file there for its server's death.
   */
  public static boolean stdinIsPipe() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString().startsWith("pipe:");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Watches {@code stdin} for end of file (null: don't) and the parent process (null: don't). */
  public ParentWatchdog start(InputStream stdin, ProcessHandle parent, long pollMillis) {
    if (stdin != null) {
      DaemonThreads.start("stdin-watchdog", () -> drain(stdin));
    }
    if (parent != null) {
      poller.scheduleWithFixedDelay(() -> checkParent(parent), pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[256];
    try {
      while (in.read(buf) >= 0) {
        // the server writes nothing; anything that arrives is ignored
      }
      fire("stdin closed (daos_server gone)");
    } catch (IOException e) {
      fire("stdin failed (" + e.getMessage() + ")");
    }
  }

  private void checkParent(ProcessHandle parent) {
    Optional<ProcessHandle> now = ProcessHandle.current().parent();
    if (!parent.isAlive() || now.isEmpty() || now.get().pid() != parent.pid()) {
      fire("parent process " + parent.pid() + " is gone");
    }
  }

  private void fire(String why) {
    if (fired.compareAndSet(false, true)) {
      LOG.warn("engine: {}; shutting down", why);
      poller.shutdown();
      onParentGone.run();
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
