package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link VosContainer#history}: every version with its epoch; replaying it elsewhere reads the same at every epoch. */
class VosHistoryTest extends VosTestBase {
  @Test
  void everyVersionReplaysToTheSameViewAtEveryEpoch() {
    VosObjectId oid = VosFixture.OID;
    f.cont.update(10, oid, b("d1"), List.of(Iod.single(b("a"), b("one"))), 0);
    f.cont.update(20, oid, b("d1"), List.of(Iod.single(b("a"), b("two"))), 0);
    f.cont.update(25, oid, b("d2"), List.of(Iod.array(b("x"), 1, List.of(new Recx(0, 8)), b("abcdefgh"))), 0);
    f.cont.punchAkeys(30, oid, b("d1"), List.of(b("a")), 0);
    f.cont.update(35, oid, b("d2"), List.of(Iod.array(b("x"), 1, List.of(new Recx(2, 3)), b("XYZ"))), 0);
    f.cont.punchDkeys(40, oid, List.of(b("d2")), 0);

    List<VersionRecord> all = new ArrayList<>();
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<VersionRecord> p = f.cont.history(oid, a, 1);
      all.addAll(p.items());
      a = p.anchor();
    }
    // the akey punch of d1's last akey punches d1 too (as VOS does), so 7 versions
    assertEquals(7, all.size(), all.toString());
    assertTrue(all.stream().anyMatch(r -> r.kind() == VersionRecord.Kind.AKEY_PUNCH && r.epoch() == 30));

    VosContainer copy = f.pool.createContainer(UUID.randomUUID());
    all.sort(Comparator.comparingLong(VersionRecord::epoch));
    for (VersionRecord r : all) {
      switch (r.kind()) {
        case AKEY_PUNCH -> copy.punchAkeys(r.epoch(), oid, r.dkey(), List.of(r.akey()), 0);
        case DKEY_PUNCH -> copy.punchDkeys(r.epoch(), oid, List.of(r.dkey()), 0);
        case SINGLE -> copy.update(r.epoch(), oid, r.dkey(), List.of(Iod.single(r.akey(), r.data())), 0);
        case ARRAY -> copy.update(r.epoch(), oid, r.dkey(), List.of(Iod.array(r.akey(), r.recordSize(),
            List.of(new Recx(r.start(), r.nr())), r.data())), 0);
        default -> throw new AssertionError(r.toString());
      }
    }
    for (long e : new long[] {5, 10, 15, 20, 25, 30, 35, 40, -1}) {
      assertArrayEquals(sv(f.cont, oid, e), sv(copy, oid, e), "d1/a at " + e);
      assertArrayEquals(arr(f.cont, oid, e), arr(copy, oid, e), "d2/x at " + e);
    }
    assertArrayEquals(b("two"), sv(copy, oid, 25));
    assertArrayEquals(b("abXYZfgh"), arr(copy, oid, 35));
  }

  private static byte[] sv(VosContainer c, VosObjectId oid, long e) {
    return c.fetch(e, oid, b("d1"), List.of(Iod.fetchSingle(b("a"))), 0).get(0).data();
  }

  private static byte[] arr(VosContainer c, VosObjectId oid, long e) {
    return c.fetch(e, oid, b("d2"), List.of(Iod.fetchArray(b("x"), 1, List.of(new Recx(0, 8)))), 0).get(0).data();
  }
}
