package io.daos.client.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.obj.DtxId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** DTX ids as DAOS's daos_dti_gen: one uuid per thread, an HLC timestamp per id. */
class DtxIdGenTest {
  @Test
  void idsShareTheirThreadsUuidAndNeverRepeat() throws Exception {
    Set<DtxId> seen = new HashSet<>();
    DtxId first = ShardIo.newDtxId();
    for (int i = 0; i < 10_000; i++) {
      DtxId d = ShardIo.newDtxId();
      assertEquals(first.getUuid(), d.getUuid());
      assertTrue(Long.compareUnsigned(d.getHlc(), first.getHlc()) > 0);
      assertTrue(seen.add(d), "id " + i + " is new");
    }
    DtxId other = CompletableFuture.supplyAsync(ShardIo::newDtxId).get();
    assertNotEquals(first.getUuid(), other.getUuid(), "another thread has its own uuid");
  }
}
