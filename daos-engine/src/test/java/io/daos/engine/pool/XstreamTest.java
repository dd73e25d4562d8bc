package io.daos.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class XstreamTest {
  @Test
  void aQueueLongerThanOneDrainRunsEveryTaskInOrder() throws InterruptedException {
    Xstream xs = new Xstream("xs-test");
    try {
      CountDownLatch gate = new CountDownLatch(1);
      int n = Xstream.MAX_DRAIN * 3 + 5;
      CountDownLatch ran = new CountDownLatch(n);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger outOfOrder = new AtomicInteger();
      xs.execute(() -> {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      for (int i = 0; i < n; i++) {
        int me = i;
        xs.execute(() -> {
          if (next.getAndIncrement() != me) {
            outOfOrder.incrementAndGet();
          }
          ran.countDown();
        });
      }
      gate.countDown();
      assertTrue(ran.await(10, TimeUnit.SECONDS), (n - ran.getCount()) + " of " + n + " tasks ran");
      assertEquals(0, outOfOrder.get());
    } finally {
      xs.close(5_000);
    }
  }
}
