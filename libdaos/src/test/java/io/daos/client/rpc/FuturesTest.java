package io.daos.client.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The blocking API's failures: the status and words of the I/O thread's failure, the caller's stack. */
class FuturesTest {
  @Test
  void joinRethrowsWithTheCallersStackAndTheIoFailureAsCause() throws Exception {
    ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-io"));
    try {
      DaosException[] onIo = new DaosException[1];
      CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
        onIo[0] = new DaosException(DaosStatus.KEY2BIG, "dkey of 600 bytes exceeds the limit");
        throw onIo[0];
      }, io);
      DaosException e = assertThrows(DaosException.class, () -> Futures.join(f));
      assertEquals(DaosStatus.KEY2BIG, e.status());
      assertEquals(onIo[0].getMessage(), e.getMessage());
      assertEquals("dkey of 600 bytes exceeds the limit", e.reason());
      assertSame(onIo[0], e.getCause());
      assertTrue(Stream.of(e.getStackTrace()).anyMatch(s -> s.getMethodName().startsWith("lambda$joinRethrows")),
          "the caller's frames are in the trace");
      assertTrue(Stream.of(onIo[0].getStackTrace()).noneMatch(s -> s.getClassName().equals(getClass().getName())
          && s.getMethodName().equals("joinRethrowsWithTheCallersStackAndTheIoFailureAsCause")));
    } finally {
      io.shutdownNow();
    }
  }

  @Test
  void withContextPutsWhatFailedBeforeTheReason() {
    DaosException e = new DaosException(DaosStatus.NONEXIST, "no such key").withContext("fetch of dkey \"k\"");
    assertEquals("fetch of dkey \"k\": no such key: " + DaosStatus.NONEXIST, e.getMessage());
    assertEquals(DaosStatus.NONEXIST, e.status());
    DaosException bare = new DaosException(DaosStatus.NONEXIST).withContext("fetch");
    assertEquals("fetch: " + DaosStatus.NONEXIST, bare.getMessage());
  }
}
