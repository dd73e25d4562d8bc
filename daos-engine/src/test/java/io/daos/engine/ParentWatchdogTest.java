package io.daos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParentWatchdogTest {
  @Test
  void firesOnceOnStdinEof() throws Exception {
    AtomicInteger fired = new AtomicInteger();
    CountDownLatch latch = new CountDownLatch(1);
    PipedOutputStream server = new PipedOutputStream();
    try (ParentWatchdog dog = new ParentWatchdog(() -> {
      fired.incrementAndGet();
      latch.countDown();
    }).start(new PipedInputStream(server), null, 50)) {
      server.write("ignored".getBytes());
      assertFalse(latch.await(200, TimeUnit.MILLISECONDS), "data on stdin is not EOF");
      server.close();
      assertTrue(latch.await(5, TimeUnit.SECONDS));
      assertEquals(1, fired.get());
    }
  }

  @Test
  void quietWhileParentLives() throws Exception {
    CountDownLatch latch = new CountDownLatch(1);
    ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
    try (ParentWatchdog dog = new ParentWatchdog(latch::countDown).start(null, parent, 20)) {
      assertFalse(latch.await(300, TimeUnit.MILLISECONDS));
    }
  }

  @Test
  void firesWhenParentChangesOrDies() throws Exception {
    Process other = new ProcessBuilder("sleep", "30").start();
    try {
      CountDownLatch latch = new CountDownLatch(1);
      try (ParentWatchdog dog = new ParentWatchdog(latch::countDown).start(null, other.toHandle(), 20)) {
        assertTrue(latch.await(5, TimeUnit.SECONDS));
      }
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void emptyStdinFiresImmediately() throws Exception {
    CountDownLatch latch = new CountDownLatch(1);
    try (ParentWatchdog dog = new ParentWatchdog(latch::countDown).start(new ByteArrayInputStream(new byte[0]),
        null, 50)) {
      assertTrue(latch.await(5, TimeUnit.SECONDS));
    }
  }
}
