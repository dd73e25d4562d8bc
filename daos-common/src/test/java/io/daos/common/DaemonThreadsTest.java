package io.daos.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
  @Test
  void namedThreadsAreDaemonsWithThatName() {
    ThreadFactory f = DaemonThreads.named("ms-liveness");
    Thread a = f.newThread(() -> { });
    Thread b = f.newThread(() -> { });
    assertTrue(a.isDaemon() && b.isDaemon());
    assertEquals("ms-liveness", a.getName());
    assertEquals("ms-liveness", b.getName());
  }

  @Test
  void numberedThreadsCountFromOne() {
    ThreadFactory f = DaemonThreads.numbered("drpc-session");
    assertEquals("drpc-session-1", f.newThread(() -> { }).getName());
    Thread second = f.newThread(() -> { });
    assertEquals("drpc-session-2", second.getName());
    assertTrue(second.isDaemon());
  }

  @Test
  void startRunsTheTaskOnANamedDaemon() throws Exception {
    CompletableFuture<String> ran = new CompletableFuture<>();
    Thread t = DaemonThreads.start("ms-check-pools",
        () -> ran.complete(Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon()));
    assertEquals("ms-check-pools true", ran.get());
    t.join();
  }
}
