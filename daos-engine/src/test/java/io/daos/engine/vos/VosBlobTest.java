package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values at or above data_thresh go through the blob file and the extent allocator. */
class VosBlobTest extends VosTestBase {
  @Test
  @DisplayName("small values stay inline; 4 KiB and 1 MiB values round-trip exactly through the blob")
  void largeValues() {
    f.cont.update(10, OID, b("d"), List.of(Iod.single(b("small"), VosFixture.random(4095, 1))), 0);
    assertEquals(0, f.pool.blobEnd(), "4095 B < data_thresh stays in LMDB");
    byte[] four = VosFixture.random(4096, 2);
    byte[] mib = VosFixture.random(1 << 20, 3);
    f.cont.update(11, OID, b("d"), List.of(Iod.single(b("4k"), four), Iod.single(b("1m"), mib)), 0);
    assertEquals(4096 + (1 << 20), f.pool.blobEnd());
    List<FetchedValue> got = f.cont.fetch(11, OID, b("d"),
        List.of(Iod.fetchSingle(b("4k")), Iod.fetchSingle(b("1m"))), 0);
    assertArrayEquals(four, got.get(0).data());
    assertArrayEquals(mib, got.get(1).data());
  }

  @Test
  @DisplayName("array extents in the blob: partial overwrite reads the right bytes of each fragment")
  void arrayBlobFragments() {
    byte[] base = VosFixture.random(64 << 10, 4);
    byte[] patch = VosFixture.random(8 << 10, 5);
    f.cont.update(10, OID, b("d"), List.of(Iod.array(b("a"), 1, List.of(new Recx(0, base.length)), base)), 0);
    f.cont.update(11, OID, b("d"), List.of(Iod.array(b("a"), 1, List.of(new Recx(1000, patch.length)), patch)), 0);
    byte[] want = base.clone();
    System.arraycopy(patch, 0, want, 1000, patch.length);
    FetchedValue v = f.cont.fetch(11, OID, b("d"),
        List.of(Iod.fetchArray(b("a"), 1, List.of(new Recx(0, base.length)))), 0).get(0);
    assertArrayEquals(want, v.data());
    assertEquals(3, v.extents().size());
  }

  @Test
  @DisplayName("container destroy returns blob space, which the next allocation reuses")
  void destroyFreesSpace() {
    UUID u = UUID.randomUUID();
    VosContainer c = f.pool.createContainer(u);
    c.update(10, OID, b("d"), List.of(Iod.single(b("a"), VosFixture.random(100_000, 6))), 0);
    long end = f.pool.blobEnd();
    f.pool.destroyContainer(u);
    assertTrue(f.pool.listContainers().stream().noneMatch(u::equals));
    byte[] again = VosFixture.random(50_000, 7);
    f.cont.update(10, OID, b("d"), List.of(Iod.single(b("a"), again)), 0);
    assertEquals(end, f.pool.blobEnd(), "freed extent reused, file did not grow");
    assertArrayEquals(again, f.getSv(10, OID, "d", "a").data());
  }
}
