package io.daos.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendBatchTest {
  @Test
  void flushesRunAtOnceOutsideABatchAndAtItsEndInside() {
    List<String> log = new ArrayList<>();
    SendBatch.schedule(() -> log.add("outside"));
    assertEquals(List.of("outside"), log);
    SendBatch.run(() -> {
      SendBatch.schedule(() -> log.add("a"));
      SendBatch.run(() -> SendBatch.schedule(() -> log.add("nested")));
      log.add("body done");
      SendBatch.schedule(() -> log.add("b"));
    });
    assertEquals(List.of("outside", "body done", "a", "nested", "b"), log);
  }

  @Test
  void aBatchThatThrowsStillFlushesWhatItScheduled() {
    List<String> log = new ArrayList<>();
    assertThrows(IllegalStateException.class, () -> SendBatch.run(() -> {
      SendBatch.schedule(() -> log.add("sent"));
      throw new IllegalStateException("task failed");
    }));
    assertEquals(List.of("sent"), log);
    SendBatch.schedule(() -> log.add("after"));
    assertEquals(List.of("sent", "after"), log, "the batch is closed after a throw");
  }
}
