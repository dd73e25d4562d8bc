package io.daos.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosPool;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The xstreams run tasks in order on their own threads and group-commit the VOS writes those tasks queue. */
class TargetXstreamsTest {
  private static final VosObjectId OID = VosObjectId.of(0, 1, 1);

  @TempDir
  Path dir;
  private TargetXstreams xs;
  private VosPool pool;
  private VosContainer cont;

  @BeforeEach
  void open() {
    xs = new TargetXstreams("xstest", 2);
    pool = xs.call(1, () -> VosPool.create(dir, 1, VosOptions.defaults().withMapSize(64L << 20)));
    cont = xs.call(1, () -> pool.createContainer(UUID.randomUUID()));
  }

  @AfterEach
  void close() {
    xs.call(1, () -> {
      pool.close();
      return null;
    });
    xs.close();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String read(String dkey) {
    var v = cont.fetch(-1, OID, b(dkey), List.of(Iod.fetchSingle(b("a"))), 0).get(0);
    return v.isEmpty() ? null : new String(v.data(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("writes queued by tasks that ran back to back commit in one transaction, after the drain")
  void drainThenCommit() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    xs.executor(1).execute(() -> await(gate));
    int n = 10;
    List<CompletableFuture<String>> seenByFirst = new ArrayList<>();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int id = i;
      CompletableFuture<Void> d = new CompletableFuture<>();
      done.add(d);
      xs.executor(1).execute(() -> cont.submitUpdate(10, OID, b("d" + id), List.of(Iod.single(b("a"), b("v" + id))), 0)
          .whenComplete((v, e) -> {
            assertTrue(xs.onTarget(1), "completions run on the target's thread");
            if (id == 0) {
              seenByFirst.add(CompletableFuture.completedFuture(read("d" + (n - 1))));
            }
            d.complete(null);
          }));
    }
    gate.countDown();
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertEquals("v9", seenByFirst.get(0).get(), "when the first write is acknowledged the last is committed too");
  }

  @Test
  @DisplayName("a failing task does not stop the xstream; call() rethrows DaosException as it is")
  void failuresStayLocal() {
    xs.executor(0).execute(() -> {
      throw new IllegalStateException("boom (expected by the test)");
    });
    DaosException e = assertThrows(DaosException.class, () -> xs.call(0, () -> {
      throw new DaosException(DaosStatus.NO_PERM, "no");
    }));
    assertEquals(DaosStatus.NO_PERM, e.status());
    assertEquals(7, xs.call(0, () -> 7));
    assertEquals(List.of(0, 1), xs.onAll(t -> t));
  }

  @Test
  @DisplayName("close runs the queued work and its commit, then rejects new work")
  void closeDrains() throws Exception {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    xs.executor(1).execute(() -> cont.submitUpdate(10, OID, b("late"), List.of(Iod.single(b("a"), b("x"))), 0)
        .thenRun(() -> acked.complete(null)));
    acked.get(30, TimeUnit.SECONDS);
    assertEquals("x", xs.call(1, () -> read("late")));
    TargetXstreams other = new TargetXstreams("xsclose", 1);
    CountDownLatch ran = new CountDownLatch(1);
    other.executor(0).execute(ran::countDown);
    other.close();
    assertEquals(0, ran.getCount());
    assertThrows(RejectedExecutionException.class, () -> other.executor(0).execute(() -> { }));
  }

  private static void await(CountDownLatch l) {
    try {
      assertTrue(l.await(30, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
