package io.daos.engine.vos;

import io.daos.engine.vos.agg.Aggregation;
import static io.daos.engine.vos.VosFixture.b;
import static io.daos.engine.vos.VosFixture.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.tree.VosObjectId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * VOS aggregation ({@link VosContainer#aggregate}), named after DAOS's {@code vts_aggregate.c} cases: whatever a read
 * at a snapshot, at the bound or above it returned before, it returns after; what no read point sees is gone and its
 * space is free again.
 */
class VosAggregateTest extends VosTestBase {
  private static final VosObjectId OID = VosFixture.OID;
  private static final byte[] AKEY = b("a");
  private static final long RS = 1024;
  private static final int CELLS = 64;

  private Aggregation.Stats aggregate(long bound, long... snapshots) {
    return aggregateSliced(bound, 1_000_000, snapshots);
  }

  /** A whole pass in slices of {@code budget} records. */
  private Aggregation.Stats aggregateSliced(long bound, long budget, long... snapshots) {
    Aggregation.Stats sum = new Aggregation.Stats();
    Aggregation.Anchor at = null;
    int slices = 0;
    do {
      Aggregation.Slice s = f.cont.aggregate(bound, snapshots, at, budget);
      sum.examined += s.stats().examined;
      sum.versions += s.stats().versions;
      sum.bytes += s.stats().bytes;
      sum.split += s.stats().split;
      sum.entities += s.stats().entities;
      at = s.next();
      assertTrue(++slices < 100_000, "aggregation makes progress");
    } while (at != null);
    return sum;
  }

  private int versions(VosObjectId oid) {
    int n = 0;
    for (Anchor a = Anchor.ZERO; !a.eof(); ) {
      EnumPage<VersionRecord> p = f.cont.history(oid, a, 1 << 20);
      n += p.items().size();
      a = p.anchor();
    }
    return n;
  }

  @Test
  @DisplayName("VOS401: Aggregate SV with confined epr")
  void aggregate_1() {
    for (long e = 1; e <= 10; e++) {
      f.putSv(e, OID, "d", "a", "v" + e);
    }
    Aggregation.Stats st = aggregate(8, 4);
    assertEquals(6, st.versions, "1-3 and 5-7 are seen by no read point");
    assertEquals("v4", f.svString(4, OID, "d", "a"), "snapshot 4 still reads its version");
    assertEquals("v4", f.svString(6, OID, "d", "a"), "between read points the older one shows");
    assertEquals("v8", f.svString(8, OID, "d", "a"));
    assertEquals("v9", f.svString(9, OID, "d", "a"), "above the bound nothing changed");
    assertEquals("v10", f.svString(-1, OID, "d", "a"));
    assertEquals(0, aggregate(8, 4).versions, "a second pass finds nothing");
  }

  @Test
  @DisplayName("VOS402: Aggregate SV with punch records")
  void aggregate_2() {
    f.putSv(1, OID, "d", "a", "one");
    f.putSv(2, OID, "d", "a", "two");
    f.cont.punchAkeys(3, OID, b("d"), List.of(AKEY), 0);
    f.putSv(4, OID, "d", "b", "other");
    int history = versions(OID);
    aggregate(10);
    assertNull(f.svString(10, OID, "d", "a"));
    assertEquals("other", f.svString(10, OID, "d", "b"));
    assertEquals(List.of("b"), akeys(10, "d"), "the punched akey is gone");
    assertEquals(history - 3, versions(OID), "a's two values and its punch are gone from the history");
  }

  @Test
  @DisplayName("VOS403: Aggregate SV with random punch, random yield")
  void aggregate_3() {
    randomAggregation(false, 3);
  }

  @Test
  @DisplayName("VOS404: Aggregate SV, multiple objects, keys")
  void aggregate_4() {
    List<VosObjectId> oids = List.of(OID, VosObjectId.of(0, 2, 100), VosObjectId.of(0, 3, 100));
    for (long e = 1; e <= 6; e++) {
      for (VosObjectId o : oids) {
        for (String d : List.of("d1", "d2")) {
          f.putSv(e, o, d, "a", d + "@" + e);
        }
      }
    }
    Aggregation.Stats st = aggregate(5, 7, 3);
    assertEquals(3 * 2 * 3, st.versions, "per akey: 1, 2 and 4 go (3 is the snapshot's, 5 the bound's)");
    for (VosObjectId o : oids) {
      assertEquals("d2@3", f.svString(3, o, "d2", "a"));
      assertEquals("d1@5", f.svString(5, o, "d1", "a"));
      assertEquals("d1@6", f.svString(6, o, "d1", "a"));
    }
  }

  @Test
  @DisplayName("VOS405: Aggregate EV, single record")
  void aggregate_5() {
    byte[] one = random((int) RS, 1);
    writeArray(1, 0, 1, one);
    writeArray(2, 0, 1, random((int) RS, 2));
    byte[] last = random((int) RS, 3);
    writeArray(3, 0, 1, last);
    assertEquals(2, aggregate(5).versions);
    assertArrayEquals(last, readArray(5, 0, 1));
  }

  @Test
  @DisplayName("VOS406: Aggregate EV, disjoint records")
  void aggregate_6() {
    byte[] x = random((int) (4 * RS), 1);
    byte[] y = random((int) (4 * RS), 2);
    writeArray(1, 0, 4, x);
    writeArray(2, 8, 4, y);
    assertEquals(0, aggregate(5).versions, "both are visible");
    assertArrayEquals(x, readArray(5, 0, 4));
    assertArrayEquals(y, readArray(5, 8, 4));
  }

  @Test
  @DisplayName("VOS407: Aggregate EV, adjacent records")
  void aggregate_7() {
    byte[] all = random((int) (8 * RS), 1);
    writeArray(1, 0, 4, Arrays.copyOfRange(all, 0, (int) (4 * RS)));
    writeArray(2, 4, 4, Arrays.copyOfRange(all, (int) (4 * RS), all.length));
    aggregate(5);
    assertArrayEquals(all, readArray(5, 0, 8));
  }

  @Test
  @DisplayName("VOS408: Aggregate EV, overlapped records")
  void aggregate_8() {
    byte[] older = random((int) (8 * RS), 1);
    byte[] newer = random((int) (8 * RS), 2);
    writeArray(1, 0, 8, older);
    writeArray(2, 4, 8, newer);
    long before = f.pool.blobUsed();
    Aggregation.Stats st = aggregate(5);
    assertEquals(1, st.split, "the older extent keeps only its visible half");
    assertTrue(f.pool.blobUsed() < before, "the hidden half's space is free: " + f.pool.blobUsed() + " < " + before);
    byte[] want = new byte[(int) (12 * RS)];
    System.arraycopy(older, 0, want, 0, (int) (4 * RS));
    System.arraycopy(newer, 0, want, (int) (4 * RS), newer.length);
    assertArrayEquals(want, readArray(5, 0, 12));
    assertEquals(List.of(new Recx(0, 4), new Recx(4, 8)), recxs(5));
  }

  @Test
  @DisplayName("VOS409: Aggregate EV, fully covered records")
  void aggregate_9() {
    for (long e = 1; e <= 5; e++) {
      writeArray(e, 2, 4, random((int) (4 * RS), e));
    }
    byte[] cover = random((int) (8 * RS), 9);
    writeArray(6, 0, 8, cover);
    long before = f.pool.blobUsed();
    assertEquals(5, aggregate(10).versions);
    assertArrayEquals(cover, readArray(10, 0, 8));
    assertEquals(before - 5 * 4 * RS, f.pool.blobUsed(), "the five covered extents' blocks are free");
  }

  @Test
  @DisplayName("VOS410: Aggregate EV, records spanning window end")
  void aggregate_10() {
    byte[] a = random((int) (4 * RS), 1);
    byte[] c = random((int) (4 * RS), 2);
    writeArray(1, 0, 4, a);
    writeArray(9, 0, 4, c);
    assertEquals(0, aggregate(5).versions, "the newer extent is above the bound: the older one is still read at 5");
    assertArrayEquals(a, readArray(5, 0, 4));
    assertArrayEquals(c, readArray(9, 0, 4));
  }

  @Test
  @DisplayName("VOS411: Aggregate EV with random punch, random yield")
  void aggregate_11() {
    randomAggregation(true, 11);
  }

  @Test
  @DisplayName("VOS414: Update and Aggregate EV repeatedly")
  void aggregate_14() {
    long epoch = 1;
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 16; i++) {
        writeArray(epoch++, 0, CELLS, random((int) (CELLS * RS), epoch));
      }
      aggregate(epoch - 1);
      assertEquals(CELLS * RS, f.pool.blobUsed(), "only the live extent is in use after a pass");
    }
    assertEquals(17 * CELLS * RS, f.pool.blobEnd(), "freed blocks were reused: the blob never grew past one round");
  }

  @Test
  @DisplayName("VOS415: Aggregate many object/key punches sv")
  void aggregate_15() {
    for (int i = 0; i < 50; i++) {
      VosObjectId o = VosObjectId.of(0, 100 + i, 100);
      f.cont.update(10, o, b("d"), List.of(Iod.single(b("a"), random(8192, i))), 0);
      if (i % 2 == 0) {
        f.cont.punchObject(20, o, 0);
      } else {
        f.cont.punchDkeys(20, o, List.of(b("d")), 0);
      }
    }
    long before = f.pool.blobUsed();
    Aggregation.Stats st = aggregate(30);
    assertEquals(50, st.versions);
    assertEquals(0, f.pool.blobUsed(), "was " + before);
    assertEquals(25, f.cont.listObjectShards().size(), "the punched objects are gone; the others stay, empty");
    assertEquals(25, f.cont.listObjects(-1, Anchor.ZERO, 100).items().size());
  }

  @Test
  @DisplayName("VOS416: Aggregate many object/key punches array")
  void aggregate_16() {
    for (int i = 0; i < 30; i++) {
      VosObjectId o = VosObjectId.of(0, 100 + i, 100);
      f.cont.update(10, o, b("d"), List.of(Iod.array(AKEY, RS, List.of(new Recx(0, 40)), random((int) (40 * RS), i))), 0);
      f.cont.punchAkeys(20, o, b("d"), List.of(AKEY), 0);
    }
    aggregate(30);
    assertEquals(0, f.pool.blobUsed());
    assertEquals(30, f.cont.listObjects(-1, Anchor.ZERO, 100).items().size(), "objects and dkeys stay");
    assertEquals(List.of(), akeys(30, "d"));
  }

  @Test
  @DisplayName("VOS422: Conditional fetch before and after aggregation is same")
  void aggregate_22() {
    f.putSv(1, OID, "d", "a", "x");
    f.cont.punchDkeys(2, OID, List.of(b("d")), 0);
    aggregate(5);
    org.junit.jupiter.api.Assertions.assertThrows(io.daos.common.status.DaosException.class,
        () -> f.cont.fetch(6, OID, b("d"), List.of(Iod.fetchSingle(AKEY)), io.daos.placement.Cond.DKEY_FETCH));
    f.cont.update(6, OID, b("d"), List.of(Iod.single(AKEY, b("y"))), io.daos.placement.Cond.DKEY_INSERT);
    assertEquals("y", f.svString(6, OID, "d", "a"));
  }

  @Test
  @DisplayName("VOS426: Consecutive removed extents")
  void aggregate_26() {
    writeArray(1, 0, 4, random((int) (4 * RS), 1));
    f.cont.update(2, OID, b("d"), List.of(Iod.array(AKEY, 0, List.of(new Recx(0, 4)), null)), 0);
    f.cont.update(3, OID, b("d"), List.of(Iod.array(AKEY, 0, List.of(new Recx(4, 4)), null)), 0);
    Aggregation.Stats st = aggregate(5);
    assertEquals(3, st.versions, "the extent and the two punches over nothing");
    assertEquals(List.of(), recxs(5));
    assertEquals(0, f.pool.blobUsed());
  }

  @Test
  @DisplayName("container destroy gives every block back, and pool usage counts only what is in use")
  void destroyFreesSpace() {
    VosContainer c = f.pool.createContainer(java.util.UUID.randomUUID());
    for (int i = 0; i < 64; i++) {
      c.update(10, OID, b("d" + i), List.of(Iod.single(AKEY, random(65536, i))), 0);
    }
    assertEquals(64 * 65536, f.pool.blobUsed());
    long meta = f.pool.metaBytes();
    f.pool.destroyContainer(c.uuid());
    assertEquals(0, f.pool.blobUsed(), "high-water mark stays " + f.pool.blobEnd() + " but nothing is in use");
    assertTrue(f.pool.metaBytes() <= meta, "LMDB pages in use do not grow on destroy");
  }

  /**
   * Random updates, punches and snapshots on a few keys (array or single values), then a pass in small slices:
   * every read point and every epoch above the bound reads as before.
   */
  private void randomAggregation(boolean arrays, long seed) {
    List<VosObjectId> oids = List.of(OID, VosObjectId.of(0, 7, 100));
    List<String> dkeys = List.of("d0", "d1", "d2");
    List<String> akeys = List.of("a0", "a1");
    TreeSet<Long> snaps = new TreeSet<>();
    Random r = new Random(seed);
    long epoch = history(f.cont, seed, arrays, oids, dkeys, akeys, snaps, new ArrayList<>());
    long bound = epoch * 3 / 4;
    List<Long> checks = new ArrayList<>(snaps);
    checks.add(bound);
    for (long e = bound + 1; e <= epoch; e += 7) {
      checks.add(e);
    }
    checks.add(-1L);
    Map<Long, String> before = new LinkedHashMap<>();
    for (long e : checks) {
      before.put(e, view(e, oids, dkeys, akeys, arrays));
    }
    long used = f.pool.blobUsed();
    Aggregation.Stats st = aggregateSliced(bound, 1 + r.nextInt(40), snaps.stream().mapToLong(Long::longValue).toArray());
    assertTrue(st.versions > 0, "something was aggregated: " + st);
    for (long e : checks) {
      assertEquals(before.get(e), view(e, oids, dkeys, akeys, arrays), "reads at epoch " + e + " (bound " + bound
          + ", snapshots " + snaps + ")");
    }
    assertTrue(f.pool.blobUsed() <= used, "space in use did not grow");
    assertEquals(0, aggregate(bound, snaps.stream().mapToLong(Long::longValue).toArray()).versions,
        "a second pass finds nothing more");
  }

  /**
   * Random updates, punches and snapshots on a few keys of {@code c} (array or single values), the same for the same
   * seed; returns the next epoch, fills {@code snaps} and the epochs written in {@code written}.
   */
  private static long history(VosContainer c, long seed, boolean arrays, List<VosObjectId> oids, List<String> dkeys,
      List<String> akeys, TreeSet<Long> snaps, List<Long> written) {
    Random r = new Random(seed);
    long epoch = 1;
    for (int i = 0; i < 400; i++, epoch++) {
      VosObjectId o = oids.get(r.nextInt(oids.size()));
      String d = dkeys.get(r.nextInt(dkeys.size()));
      String a = akeys.get(r.nextInt(akeys.size()));
      int op = r.nextInt(20);
      if (op == 0) {
        c.punchObject(epoch, o, 0);
      } else if (op == 1) {
        c.punchDkeys(epoch, o, List.of(b(d)), 0);
      } else if (op == 2) {
        c.punchAkeys(epoch, o, b(d), List.of(b(a)), 0);
      } else if (arrays) {
        long idx = r.nextInt(CELLS);
        long nr = 1 + r.nextInt((int) (CELLS - idx));
        boolean hole = r.nextInt(8) == 0;
        c.update(epoch, o, b(d), List.of(Iod.array(b(a), hole ? 0 : RS, List.of(new Recx(idx, nr)),
            hole ? null : random((int) (nr * RS), epoch))), 0);
      } else {
        int size = r.nextInt(4) == 0 ? 0 : r.nextBoolean() ? 100 : 5000;
        c.update(epoch, o, b(d), List.of(Iod.single(b(a), random(size, epoch))), 0);
      }
      written.add(epoch);
      if (r.nextInt(40) == 0) {
        snaps.add(epoch);
      }
    }
    return epoch;
  }

  @Test
  @DisplayName("undecided DTX writes survive a pass: aborting them afterwards reads as if there had been no pass")
  void aggregateKeepsUndecided() {
    for (boolean arrays : new boolean[] {false, true}) {
      for (long seed = 40; seed < 44; seed++) {
        List<VosObjectId> oids = List.of(OID, VosObjectId.of(0, 7, 100));
        List<String> dkeys = List.of("d0", "d1", "d2");
        List<String> akeys = List.of("a0", "a1");
        VosContainer a = f.pool.createContainer(java.util.UUID.randomUUID());
        VosContainer ref = f.pool.createContainer(java.util.UUID.randomUUID());
        TreeSet<Long> snaps = new TreeSet<>();
        List<Long> written = new ArrayList<>();
        long end = history(a, seed, arrays, oids, dkeys, akeys, snaps, written);
        history(ref, seed, arrays, oids, dkeys, akeys, new TreeSet<>(), new ArrayList<>());
        Random r = new Random(seed);
        long[] undecided = written.stream().filter(e -> r.nextInt(6) == 0).mapToLong(Long::longValue).sorted()
            .toArray();
        long bound = end - 20;
        long[] snapArr = snaps.stream().mapToLong(Long::longValue).toArray();
        Aggregation.Anchor at = null;
        do {
          at = a.aggregate(bound, snapArr, at, 50, oid -> undecided).next();
        } while (at != null);
        for (long e : undecided) {
          for (VosContainer c : List.of(a, ref)) {
            c.submitDtxAbort(new byte[24], oids, e);
            f.pool.commitPending();
          }
        }
        List<Long> checks = new ArrayList<>(snaps);
        checks.add(bound);
        checks.add(-1L);
        for (long e : checks) {
          assertEquals(view(ref, e, oids, dkeys, akeys, arrays), view(a, e, oids, dkeys, akeys, arrays),
              "arrays=" + arrays + " seed " + seed + " epoch " + e);
        }
      }
    }
  }

  private String view(long e, List<VosObjectId> oids, List<String> dkeys, List<String> akeys, boolean arrays) {
    return view(f.cont, e, oids, dkeys, akeys, arrays);
  }

  private static String view(VosContainer c, long e, List<VosObjectId> oids, List<String> dkeys, List<String> akeys,
      boolean arrays) {
    StringBuilder s = new StringBuilder();
    s.append("objects=").append(c.listObjects(e, Anchor.ZERO, 100).items()).append('\n');
    for (VosObjectId o : oids) {
      s.append(o).append(" dkeys=").append(c.listDkeys(e, o, Anchor.ZERO, 100).items().stream()
          .map(VosFixture::s).toList()).append('\n');
      for (String d : dkeys) {
        s.append(' ').append(d).append(" akeys=").append(c.listAkeys(e, o, b(d), Anchor.ZERO, 100).items()
            .stream().map(VosFixture::s).toList()).append('\n');
        for (String a : akeys) {
          if (arrays) {
            FetchedValue v = c.fetch(e, o, b(d), List.of(Iod.fetchArray(b(a), RS, List.of(new Recx(0, CELLS)))),
                0).get(0);
            s.append("  ").append(a).append(' ').append(Arrays.hashCode(v.data())).append(' ').append(v.extents())
                .append(' ').append(c.listRecx(e, o, b(d), b(a), Anchor.ZERO, 1000).items().stream()
                    .map(RecxEntry::recx).toList()).append('\n');
          } else {
            FetchedValue v = c.fetch(e, o, b(d), List.of(Iod.fetchSingle(b(a))), 0).get(0);
            s.append("  ").append(a).append(' ').append(v.isEmpty() ? "-" : Arrays.hashCode(v.data())).append('\n');
          }
        }
      }
    }
    return s.toString();
  }

  private void writeArray(long epoch, long idx, long nr, byte[] data) {
    f.cont.update(epoch, OID, b("d"), List.of(Iod.array(AKEY, RS, List.of(new Recx(idx, nr)), data)), 0);
  }

  private byte[] readArray(long epoch, long idx, long nr) {
    return f.cont.fetch(epoch, OID, b("d"), List.of(Iod.fetchArray(AKEY, RS, List.of(new Recx(idx, nr)))), 0)
        .get(0).data();
  }

  private List<Recx> recxs(long epoch) {
    return f.cont.listRecx(epoch, OID, b("d"), AKEY, Anchor.ZERO, 100).items().stream().map(RecxEntry::recx).toList();
  }

  private List<String> akeys(long epoch, String dkey) {
    return f.cont.listAkeys(epoch, OID, b(dkey), Anchor.ZERO, 100).items().stream().map(VosFixture::s).toList();
  }
}
