package io.daos.engine.vos.tree;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.ValueRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves which extent is visible at each index of an array akey at an epoch (DAOS's evtree "visible" view):
 * extents written after the punch floor and at or below the epoch, newest epoch wins per index; indices no extent
 * covers are holes (not returned). Hole extents (record punch) are returned so callers can skip them.
 */
public final class ArrayReader {
  private ArrayReader() {
  }

  /** Visible fragments inside [a, b), sorted by start. */
  public static List<Fragment> visible(Tx tx, AkeyRecord rec, long a, long b, long floor, long epoch) {
    List<Fragment> out = new ArrayList<>();
    List<long[]> uncovered = new ArrayList<>(List.of(new long[] {a, b}));
    for (Fragment c : candidates(tx, rec, a, b, floor, epoch)) {
      uncovered = paint(c, uncovered, out);
      if (uncovered.isEmpty()) {
        break;
      }
    }
    out.sort(Comparator.comparingLong(Fragment::start));
    return out;
  }

  private static List<Fragment> candidates(Tx tx, AkeyRecord rec, long a, long b, long floor, long epoch) {
    byte[] prefix = Keys.withId(tx.cont, Keys.EXT, rec.id());
    long lastEnd = b - 1 + rec.maxExtentNr() < b ? Long.MAX_VALUE : b - 1 + rec.maxExtentNr();
    List<Fragment> found = new ArrayList<>();
    try (Cur c = tx.cursor()) {
      boolean ok = c.seek(Keys.extentSeek(tx.cont, rec.id(), a + 1));
      for (; ok && Bytes.startsWith(c.key(), prefix) && Keys.extentEnd(c.key()) <= lastEnd; ok = c.next()) {
        byte[] k = c.key();
        long e = Keys.extentEpoch(k);
        long start = Keys.extentStart(k);
        if (e > floor && e <= epoch && start < b) {
          found.add(new Fragment(start, Keys.extentEnd(k), e, start, ValueRef.decode(c.val())));
        }
      }
    }
    found.sort(Comparator.comparingLong(Fragment::epoch).reversed());
    return found;
  }

  private static List<long[]> paint(Fragment c, List<long[]> uncovered, List<Fragment> out) {
    List<long[]> left = new ArrayList<>();
    for (long[] u : uncovered) {
      if (c.end() <= u[0] || c.start() >= u[1]) {
        left.add(u);
        continue;
      }
      long s = Math.max(c.start(), u[0]);
      long e = Math.min(c.end(), u[1]);
      out.add(new Fragment(s, e, c.epoch(), c.extStart(), c.ref()));
      if (u[0] < s) {
        left.add(new long[] {u[0], s});
      }
      if (e < u[1]) {
        left.add(new long[] {e, u[1]});
      }
    }
    return left;
  }
}
