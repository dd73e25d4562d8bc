package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.store.PendingWrites;
import io.daos.placement.Cond;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group commit: queued writes commit together, each with its own outcome, in submission order. */
class VosBatchTest extends VosTestBase {
  @AfterEach
  void nothingLeftQueued() {
    assertEquals(0, GroupCommit.commitPending(), "a test left writes queued");
  }

  private CompletableFuture<Void> put(long epoch, String dkey, String akey, String value, int flags) {
    return f.cont.submitUpdate(epoch, OID, b(dkey), List.of(Iod.single(b(akey), b(value))), flags);
  }

  private static DaosStatus status(CompletableFuture<Void> fut) {
    CompletionException e = assertThrows(CompletionException.class, fut::join);
    return ((DaosException) e.getCause()).status();
  }

  @Test
  @DisplayName("writes stay invisible and unacknowledged until the group commit, then all complete")
  void commitCompletes() {
    CompletableFuture<Void> a = put(10, "d1", "a", "x", 0);
    CompletableFuture<Void> c = put(10, "d2", "a", "y", 0);
    assertFalse(a.isDone() || c.isDone());
    assertEquals(2, f.pool.pendingWrites());
    assertEquals(2, GroupCommit.pendingCount());
    assertNull(f.svString(10, OID, "d1", "a"), "reads see committed writes only");
    assertEquals(2, GroupCommit.commitPending());
    assertTrue(a.isDone() && !a.isCompletedExceptionally() && c.isDone() && !c.isCompletedExceptionally());
    assertEquals("x", f.svString(10, OID, "d1", "a"));
    assertEquals("y", f.svString(10, OID, "d2", "a"));
  }

  @Test
  @DisplayName("mixed success and failure in one batch: each future gets its own result, failures leave no trace")
  void mixedOutcomes() {
    f.putSv(5, OID, "old", "a", "there");
    byte[] big1 = VosFixture.random(8192, 1);
    byte[] big3 = VosFixture.random(8192, 3);
    CompletableFuture<Void> ok1 = f.cont.submitUpdate(10, OID, b("b1"), List.of(Iod.single(b("a"), big1)), 0);
    CompletableFuture<Void> exist = put(10, "old", "a", "clobbered", Cond.DKEY_INSERT);
    CompletableFuture<Void> badEpoch = put(0, "x", "a", "v", 0);
    CompletableFuture<Void> ok3 = f.cont.submitUpdate(10, OID, b("b3"), List.of(Iod.single(b("a"), big3)), 0);
    CompletableFuture<Void> noPunch = f.cont.submitPunchDkeys(10, OID, List.of(b("never")), Cond.PUNCH);
    CompletableFuture<Void> typeClash = f.cont.submitUpdate(10, OID, b("old"),
        List.of(Iod.array(b("a"), 1, List.of(new Recx(0, 2)), b("zz"))), 0);
    CompletableFuture<Void> ok5 = put(11, "d5", "a", "five", 0);
    assertEquals(DaosStatus.INVAL, status(badEpoch), "bad input fails at submit, before any commit");
    GroupCommit.commitPending();
    assertEquals(DaosStatus.EXIST, status(exist));
    assertEquals(DaosStatus.NONEXIST, status(noPunch));
    assertEquals(DaosStatus.INVAL, status(typeClash));
    ok1.join();
    ok3.join();
    ok5.join();
    assertArrayEquals(big1, f.getSv(10, OID, "b1", "a").data());
    assertArrayEquals(big3, f.getSv(10, OID, "b3", "a").data());
    assertEquals("five", f.svString(11, OID, "d5", "a"));
    assertEquals("there", f.svString(20, OID, "old", "a"));
    assertEquals(2 * 8192, f.pool.blobEnd(), "failed ops allocated no blob space");
  }

  @Test
  @DisplayName("two updates to one akey in one batch: the later epoch wins whatever the submission order")
  void laterEpochWins() {
    put(20, "d", "a", "new", 0);
    put(10, "d", "a", "old", 0);
    GroupCommit.commitPending();
    assertEquals("new", f.svString(-1, OID, "d", "a"));
    assertEquals("old", f.svString(15, OID, "d", "a"));
  }

  @Test
  @DisplayName("ops apply in submission order: the second DKEY_INSERT of a dkey in one batch fails")
  void submissionOrder() {
    CompletableFuture<Void> first = put(10, "d", "a", "first", Cond.DKEY_INSERT);
    CompletableFuture<Void> second = put(11, "d", "b", "second", Cond.DKEY_INSERT);
    CompletableFuture<Void> punch = f.cont.submitPunchAkeys(12, OID, b("d"), List.of(b("a")), Cond.PUNCH);
    GroupCommit.commitPending();
    first.join();
    assertEquals(DaosStatus.EXIST, status(second));
    punch.join();
    assertNull(f.svString(12, OID, "d", "a"));
    assertEquals("first", f.svString(11, OID, "d", "a"));
  }

  @Test
  @DisplayName("a synchronous write commits the writes queued before it first")
  void syncCommitsQueue() {
    CompletableFuture<Void> queued = put(10, "d", "a", "queued", 0);
    f.putSv(11, OID, "d", "b", "sync");
    assertTrue(queued.isDone());
    assertEquals("queued", f.svString(11, OID, "d", "a"));
    DaosException e = assertThrows(DaosException.class, () -> f.cont.update(12, OID, b("d"),
        List.of(Iod.single(b("a"), b("v"))), Cond.DKEY_INSERT));
    assertEquals(DaosStatus.EXIST, e.status());
  }

  @Test
  @DisplayName("a full queue commits on its own; closing the pool commits what is queued")
  void boundsAndClose() {
    CompletableFuture<?>[] fs = new CompletableFuture<?>[PendingWrites.MAX_BATCH];
    for (int i = 0; i < fs.length; i++) {
      fs[i] = put(10, "d" + i, "a", "v", 0);
    }
    assertTrue(CompletableFuture.allOf(fs).isDone(), "the batch that reached MAX_BATCH committed");
    CompletableFuture<Void> last = put(10, "last", "a", "v", 0);
    f.pool.close();
    last.join();
    assertEquals(0, GroupCommit.pendingCount());
    f = new VosFixture(dir.resolve("again"));
  }
}
