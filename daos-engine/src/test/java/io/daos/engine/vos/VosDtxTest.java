package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static io.daos.engine.vos.VosFixture.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.placement.Cond;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DTX records in VOS (DAOS src/vos/tests/vts_dtx.c): stored with the data they cover, and abort's discard. */
class VosDtxTest extends VosTestBase {
  static final byte[] ID = new byte[24];
  static final VosContainer.DtxRecord REC = new VosContainer.DtxRecord(ID, new byte[] {1, 2, 3});

  static {
    ID[0] = 7;
  }

  private static <T> T done(CompletableFuture<T> f) {
    GroupCommit.commitPending();
    return f.join();
  }

  @Test
  void dtxRecordCommitsWithItsData() {
    done(f.cont.submitUpdate(20, OID, b("d"), List.of(Iod.single(b("a"), b("v"))), 0, REC));
    assertEquals("v", f.svString(20, OID, "d", "a"));
    List<VosContainer.DtxRecord> recs = f.cont.dtxRecords();
    assertEquals(1, recs.size());
    assertArrayEquals(ID, recs.get(0).id());
    assertArrayEquals(new byte[] {1, 2, 3}, recs.get(0).value());
  }

  @Test
  void deleteDtxRecordsLeavesNone() {
    done(f.cont.submitUpdate(20, OID, b("d"), List.of(Iod.single(b("a"), b("v"))), 0, REC));
    done(f.cont.submitUpdate(21, OID, b("d"), List.of(Iod.single(b("a"), b("w"))), 0,
        new VosContainer.DtxRecord(new byte[] {9, 9}, new byte[] {4})));
    assertEquals(2, f.cont.dtxRecords().size());
    assertEquals(2, f.cont.deleteDtxRecords());
    assertEquals(List.of(), f.cont.dtxRecords());
    assertEquals("w", f.svString(21, OID, "d", "a"), "the data stays (only the records go)");
  }

  @Test
  void failedUpdateLeavesNoDtxRecord() {
    CompletableFuture<Void> w = f.cont.submitUpdate(20, OID, b("d"), List.of(Iod.single(b("a"), b("v"))),
        Cond.DKEY_UPDATE, REC);
    GroupCommit.commitPending();
    DaosException e = assertThrows(DaosException.class, () -> {
      try {
        w.join();
      } catch (java.util.concurrent.CompletionException x) {
        throw x.getCause();
      }
    });
    assertEquals(DaosStatus.NONEXIST, e.status());
    assertTrue(f.cont.dtxRecords().isEmpty(), "the DTX record is not kept without its data");
  }

  @Test
  @DisplayName("VOS510: DTX abort visibility (single value, punch key)")
  void abortDiscardsSingleValueAndPunch() {
    f.putSv(10, OID, "d", "a", "old");
    done(f.cont.submitUpdate(20, OID, b("d"), List.of(Iod.single(b("a"), b("new"))), 0, REC));
    done(f.cont.submitUpdate(20, OID, b("fresh"), List.of(Iod.single(b("a"), b("x"))), 0, REC));
    assertEquals("new", f.svString(30, OID, "d", "a"));
    done(f.cont.submitDtxAbort(ID, OID, 20));
    assertEquals("old", f.svString(30, OID, "d", "a"));
    assertNull(f.svString(30, OID, "fresh", "a"), "a dkey the DTX created is gone");
    assertTrue(f.cont.dtxRecords().isEmpty());
    done(f.cont.submitPunch(40, OID, null, List.of(b("d")), null, 0, REC));
    assertNull(f.svString(50, OID, "d", "a"));
    done(f.cont.submitDtxAbort(ID, OID, 40));
    assertEquals("old", f.svString(50, OID, "d", "a"), "an aborted punch is undone");
  }

  @Test
  @DisplayName("VOS511: DTX abort visibility (extent value, punch key)")
  void abortDiscardsExtents() {
    f.cont.update(10, OID, b("d"), List.of(Iod.array(b("x"), 1, List.of(new Recx(0, 4)), b("aaaa"))), 0);
    done(f.cont.submitUpdate(20, OID, b("d"), List.of(Iod.array(b("x"), 1, List.of(new Recx(2, 4)), b("bbbb"))), 0,
        REC));
    FetchedValue v = f.cont.fetch(30, OID, b("d"), List.of(Iod.fetchArray(b("x"), 1, List.of(new Recx(0, 6)))), 0)
        .get(0);
    assertEquals("aabbbb", s(v.data()));
    done(f.cont.submitDtxAbort(ID, OID, 20));
    v = f.cont.fetch(30, OID, b("d"), List.of(Iod.fetchArray(b("x"), 1, List.of(new Recx(0, 4)))), 0).get(0);
    assertEquals("aaaa", s(v.data()));
    assertEquals(List.of(new RecxEntry(new Recx(0, 4), 10, 1)),
        f.cont.listRecx(30, OID, b("d"), b("x"), Anchor.ZERO, 10).items());
  }
}
