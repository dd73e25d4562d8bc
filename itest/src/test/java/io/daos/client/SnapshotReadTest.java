package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.client.obj.Keys;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.object.ObjectType;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Snapshot views ({@link DaosObject#atSnapshot}, DAOS {@code daos_tx_open_snap}) are read-only. What they read is
 * checked in itest's {@code DataPathTest}.
 */
@ResourceLock(TestLocks.IN_PROCESS)
class SnapshotReadTest extends ClientTestBase {
  @Test
  void writesThroughASnapshotViewAreRefused() {
    DaosKv kv = cont.openKv(oid(ObjectType.KV_HASHED, io.daos.placement.object.ObjectClass.S1));
    kv.put("a", new byte[] {1});
    DaosKv at = kv.atSnapshot(cont.createSnapshot("ro"));
    DaosException e = assertThrows(DaosException.class, () -> at.put("a", new byte[] {2}));
    assertEquals(DaosStatus.NO_PERM, e.status());
    CompletionException ce = assertThrows(CompletionException.class, () -> at.removeAsync(Keys.utf8("a")).join());
    assertEquals(DaosStatus.NO_PERM, ((DaosException) ce.getCause()).status());
    assertArrayEquals(new byte[] {1}, kv.get("a"));
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class, () -> kv.atSnapshot(0)).status());
  }
}
