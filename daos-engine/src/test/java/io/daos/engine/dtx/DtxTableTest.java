package io.daos.engine.dtx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.VosPool;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed history of a container's DTX table (DAOS's committed DTX table, aggregated beyond a bound). */
class DtxTableTest {
  @TempDir
  Path dir;

  private static DtxEntry solo(int i) {
    return new DtxEntry(new DtxId(new UUID(7, i), 1000 + i), 1000 + i, VosObjectId.of(1, 2, 0), 0,
        List.of(new DtxEntry.Member(0, 0, 0)), true, DtxEntry.State.COMMITTED);
  }

  @Test
  void soloCommitsKeepTheWholeHistoryAndAggregateEachIdOnce() {
    try (VosPool pool = VosPool.create(dir, 0, VosOptions.defaults().withMapSize(64L << 20))) {
      DtxTable t = new DtxTable(pool.createContainer(UUID.randomUUID()));
      int n = DtxTable.COMMITTED_KEEP + 10;
      int aggregated = 0;
      for (int i = 0; i < n; i++) {
        DtxEntry e = solo(i);
        t.add(e);
        List<byte[]> old = t.markCommitted(e);
        aggregated += old.size();
        assertEquals(i < DtxTable.COMMITTED_KEEP ? 0 : 1, old.size(), "commit " + i + " aggregates at most one id");
      }
      assertEquals(10, aggregated);
      for (int i = 0; i < n; i++) {
        if (i < 10) {
          assertNull(t.get(solo(i).id), "entry " + i + " was aggregated");
        } else {
          assertNotNull(t.get(solo(i).id), "entry " + i + " is still known (resend detection)");
        }
      }
    }
  }

  @Test
  void aggregatedIdsAreHeldForTheNextWriteAndTakenOnce() {
    try (VosPool pool = VosPool.create(dir, 0, VosOptions.defaults().withMapSize(64L << 20))) {
      DtxTable t = new DtxTable(pool.createContainer(UUID.randomUUID()));
      assertEquals(List.of(), t.takeExpired(), "nothing held yet");
      for (int i = 0; i < DtxTable.EXPIRED_MAX - 1; i++) {
        assertFalse(t.expire(List.of(solo(i).id.toBytes())), "below the bound: held for the next write");
      }
      assertTrue(t.expire(List.of(solo(DtxTable.EXPIRED_MAX).id.toBytes())), "at the bound: delete now");
      List<byte[]> taken = t.takeExpired();
      assertEquals(DtxTable.EXPIRED_MAX, taken.size());
      assertArrayEquals(solo(0).id.toBytes(), taken.get(0), "in the order aggregated");
      assertEquals(List.of(), t.takeExpired(), "each id is taken once");
    }
  }
}
