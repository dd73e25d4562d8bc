package io.daos.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RaftChangesTest {
  @Test
  void aConditionThatHoldsNeedsNoSignal() throws Exception {
    assertTrue(new RaftChanges().await(() -> true, Duration.ZERO));
  }

  @Test
  void withoutASignalTheWaitEndsAtTheDeadline() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    AtomicLong now = new AtomicLong();
    // the check takes the whole minute on the fake clock: the deadline has passed when the wait would begin
    assertFalse(new RaftChanges(now::get).await(() -> {
      now.addAndGet(Duration.ofMinutes(1).toNanos());
      return checks.incrementAndGet() < 0;
    }, Duration.ofMinutes(1)));
    assertEquals(1, checks.get(), "checked once, then only after a signal");
  }

  /** Sets {@code done} and signals {@code changes} from another thread, as a Ratis thread would. */
  private static Thread doneAndSignal(AtomicBoolean done, RaftChanges changes) {
    Thread t = new Thread(() -> {
      done.set(true);
      changes.signal();
    });
    t.start();
    return t;
  }

  @Test
  void aSignalFromAnotherThreadWakesTheWaiter() throws Exception {
    RaftChanges changes = new RaftChanges();
    AtomicBoolean done = new AtomicBoolean();
    Thread t = doneAndSignal(done, changes);
    assertTrue(changes.await(done::get, Duration.ofSeconds(10)));
    t.join();
  }

  @Test
  void listenersForwardSignals() throws Exception {
    RaftChanges replica = new RaftChanges();
    RaftChanges any = new RaftChanges();
    replica.addListener(any::signal);
    AtomicBoolean done = new AtomicBoolean();
    Thread t = doneAndSignal(done, replica);
    assertTrue(any.await(done::get, Duration.ofSeconds(10)));
    t.join();
  }
}
