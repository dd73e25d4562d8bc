package io.daos.engine.vos.agg;

import io.daos.engine.vos.lmdb.Bytes;
import io.daos.engine.vos.lmdb.Cur;
import io.daos.engine.vos.store.ValueRef;
import io.daos.engine.vos.tree.AkeyRecord;
import io.daos.engine.vos.tree.Keys;
import io.daos.engine.vos.tree.Tx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * vos_aggregate over one slice of a container (driven by {@code VosContainer.aggregate}): drops every version no read point can see and the entities left
 * empty and invisible, and gives their value space back to the allocator. The read points are the container's
 * snapshots at or below {@code bound} and {@code bound} itself; versions above {@code bound} are not touched (they are
 * what reads at later epochs see, and what an uncommitted DTX may still discard).
 * <p>A version at epoch e is kept when some read point p has {@code e <= p < hide(e)}, where hide(e) is the next
 * version's epoch or the next punch of the entity or an ancestor, whichever comes first. An array extent is kept
 * whole when all of it is visible at some read point, copied down to the parts that are (same epoch) when only some
 * is, and dropped when none is (DAOS's evtree merge); a punch (hole) with nothing older left under it is dropped too.
 * An akey with no values left, a dkey with no akeys or an object with no dkeys goes, with its incarnation log, when
 * it is invisible at every read point and has no log record above {@code bound}.
 */
public final class AggregateOp {
  private final Tx tx;
  private final long bound;
  /** Snapshots at or below the bound, then the bound; ascending. */
  private final long[] points;
  private final Aggregation.Stats stats;
  /** Epochs of undecided writes to the current object, ascending: kept, hiding nothing. */
  private long[] uncertain = new long[0];

  public AggregateOp(Tx tx, long bound, long[] snapshots, Aggregation.Stats stats) {
    this.tx = tx;
    this.bound = bound;
    this.points = readPoints(snapshots, bound);
    this.stats = stats;
  }

  static long[] readPoints(long[] snapshots, long bound) {
    long[] p = Arrays.stream(snapshots).filter(s -> s > 0 && s < bound).sorted().distinct().toArray();
    long[] out = Arrays.copyOf(p, p.length + 1);
    out[p.length] = bound;
    return out;
  }

  /**
   * Aggregates object entry {@code objKey} (its index key) from dkey index key {@code fromDkey} on (null: from its
   * first dkey), until the slice has looked at {@code limit} records ({@link Aggregation.Stats#examined}); returns
   * the dkey key to resume at, or null when the object is done (and deleted if it was left empty).
   */
  public byte[] object(byte[] objKey, long objId, byte[] fromDkey, long limit, long[] uncertain) {
    this.uncertain = uncertain;
    long[] objPunch = certain(epochs(Keys.PUNCH_TAG, objId));
    byte[] prefix = Keys.withId(tx.cont, Keys.DKEY, objId);
    byte[] at = fromDkey == null ? prefix : fromDkey;
    while (true) {
      byte[][] e = nextEntry(at, prefix);
      if (e == null) {
        break;
      }
      if (stats.examined >= limit) {
        return e[0];
      }
      stats.examined += dkey(e[0], objId, Bytes.getLong(e[1], 0), objPunch);
      at = successor(e[0]);
    }
    if (uncertain.length == 0 && !exists(prefix) && dead(objId, objPunch)) {
      deleteEntity(objKey, objId);
    }
    return null;
  }

  private int dkey(byte[] dkeyKey, long objId, long dkeyId, long[] objPunch) {
    long[] punch = merge(objPunch, certain(epochs(Keys.PUNCH_TAG, dkeyId)));
    byte[] prefix = Keys.withId(tx.cont, Keys.AKEY, dkeyId);
    int seen = 1;
    for (byte[] at = prefix; ; ) {
      byte[][] e = nextEntry(at, prefix);
      if (e == null) {
        break;
      }
      AkeyRecord rec = AkeyRecord.decode(e[1]);
      long[] all = merge(punch, certain(epochs(Keys.PUNCH_TAG, rec.id())));
      seen += singleValues(rec.id(), all) + extents(rec, all);
      if (uncertain.length == 0 && !exists(Keys.withId(tx.cont, Keys.SV, rec.id())) && !exists(Keys.withId(tx.cont, Keys.EXT, rec.id()))
          && dead(rec.id(), all)) {
        deleteEntity(e[0], rec.id());
      }
      at = successor(e[0]);
    }
    if (uncertain.length == 0 && !exists(prefix) && dead(dkeyId, punch)) {
      deleteEntity(dkeyKey, dkeyId);
    }
    return seen;
  }

  /** Single values of one akey, newest first; {@code punch}: its and its ancestors' punches, ascending. */
  private int singleValues(long akeyId, long[] punch) {
    byte[] prefix = Keys.withId(tx.cont, Keys.SV, akeyId);
    List<byte[][]> versions = entries(prefix);
    long next = Long.MAX_VALUE;
    List<byte[][]> kept = new ArrayList<>();
    for (byte[][] v : versions) {
      long e = Keys.versionEpoch(v[0]);
      if (isUncertain(e)) {
        kept.add(v);
        continue;
      }
      if (e > bound) {
        next = e;
        continue;
      }
      long hide = Math.min(next, firstAtOrAbove(punch, e));
      next = e;
      if (needed(e, hide)) {
        kept.add(v);
      } else {
        drop(v[0], ValueRef.decode(v[1]));
      }
    }
    // Oldest first: a punch with nothing older left under it reads the same as no record at all.
    boolean older = false;
    for (int i = kept.size() - 1; i >= 0; i--) {
      ValueRef r = ValueRef.decode(kept.get(i)[1]);
      if (r.isHole() && !older && !isUncertain(Keys.versionEpoch(kept.get(i)[0]))) {
        drop(kept.get(i)[0], r);
      } else {
        older = true;
      }
    }
    return versions.size();
  }

  /** One array extent as stored, and the parts of it some read point sees. */
  private static final class Ext {
    final byte[] key;
    final long start;
    final long end;
    final long epoch;
    final ValueRef ref;
    final List<long[]> seen = new ArrayList<>();

    Ext(byte[] key, byte[] val) {
      this.key = key;
      this.start = Keys.extentStartOf(key);
      this.end = Keys.extentEndOf(key);
      this.epoch = Keys.extentEpochOf(key);
      this.ref = ValueRef.decode(val);
    }
  }

  private int extents(AkeyRecord rec, long[] punch) {
    List<byte[][]> raw = entries(Keys.withId(tx.cont, Keys.EXT, rec.id()));
    List<Ext> exts = new ArrayList<>();
    List<Ext> undecided = new ArrayList<>();
    for (byte[][] r : raw) {
      Ext x = new Ext(r[0], r[1]);
      if (isUncertain(x.epoch)) {
        undecided.add(x);
      } else if (x.epoch <= bound) {
        exts.add(x);
      }
    }
    if (exts.isEmpty()) {
      return raw.size();
    }
    // What each read point sees, painted newest first (key order, then epoch, as ArrayReader does).
    List<Ext> byEpoch = new ArrayList<>(exts);
    byEpoch.sort(Comparator.comparingLong((Ext x) -> x.epoch).reversed());
    for (long p : points) {
      long floor = lastBelowOrAt(punch, p);
      List<long[]> uncovered = new ArrayList<>(List.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
      for (Ext x : byEpoch) {
        if (x.epoch > p || x.epoch <= floor) {
          continue;
        }
        uncovered = paint(x, uncovered);
        if (uncovered.isEmpty()) {
          break;
        }
      }
    }
    List<Ext> kept = new ArrayList<>();
    for (Ext x : exts) {
      List<long[]> union = union(x.seen);
      if (union.isEmpty()) {
        drop(x.key, x.ref);
      } else if (union.size() == 1 && union.get(0)[0] == x.start && union.get(0)[1] == x.end) {
        kept.add(x);
      } else if (!split(rec, x, union)) {
        kept.add(x);
      } else {
        for (long[] u : union) {
          kept.add(new Ext(Keys.extent(tx.cont, rec.id(), u[1], x.epoch, u[0]),
              tx.get(Keys.extent(tx.cont, rec.id(), u[1], x.epoch, u[0]))));
        }
      }
    }
    // Oldest first: a punched range with nothing older left under it reads the same as no extent at all.
    kept.addAll(undecided);
    kept.sort(Comparator.comparingLong((Ext x) -> x.epoch));
    List<Ext> stay = new ArrayList<>();
    for (Ext x : kept) {
      if (x.ref.isHole() && !isUncertain(x.epoch) && stay.stream().noneMatch(o -> o.epoch < x.epoch && o.start < x.end && x.start < o.end)) {
        drop(x.key, x.ref);
      } else {
        stay.add(x);
      }
    }
    return raw.size();
  }

  /** Paints {@code x} over the uncovered ranges, recording what it covers; returns what is left uncovered. */
  private static List<long[]> paint(Ext x, List<long[]> uncovered) {
    List<long[]> left = new ArrayList<>();
    for (long[] u : uncovered) {
      if (x.end <= u[0] || x.start >= u[1]) {
        left.add(u);
        continue;
      }
      long s = Math.max(x.start, u[0]);
      long e = Math.min(x.end, u[1]);
      x.seen.add(new long[] {s, e});
      if (u[0] < s) {
        left.add(new long[] {u[0], s});
      }
      if (e < u[1]) {
        left.add(new long[] {e, u[1]});
      }
    }
    return left;
  }

  private static List<long[]> union(List<long[]> parts) {
    List<long[]> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingLong(r -> r[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] r : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        out.add(new long[] {r[0], r[1]});
      }
    }
    return out;
  }

  /**
   * Replaces extent {@code x} by copies of its {@code parts} at the same epoch, new ones written before the old one
   * is freed; false (nothing changed) if a part's key is already taken by another extent of that epoch.
   */
  private boolean split(AkeyRecord rec, Ext x, List<long[]> parts) {
    for (long[] u : parts) {
      if (tx.get(Keys.extent(tx.cont, rec.id(), u[1], x.epoch, u[0])) != null) {
        return false;
      }
    }
    long rs = x.ref.recordSize();
    for (long[] u : parts) {
      ValueRef part;
      if (x.ref.isHole() || rs == 0) {
        part = ValueRef.hole();
      } else {
        int len = Math.toIntExact((u[1] - u[0]) * rs);
        byte[] data = new byte[len];
        tx.store.readValue(x.ref, (u[0] - x.start) * rs, data, 0, len);
        part = tx.store.putValue(tx.txn, rs, data, 0, len);
      }
      tx.put(Keys.extent(tx.cont, rec.id(), u[1], x.epoch, u[0]), part.encode());
    }
    drop(x.key, x.ref);
    stats.split++;
    return true;
  }

  private boolean isUncertain(long e) {
    return uncertain.length > 0 && Arrays.binarySearch(uncertain, e) >= 0;
  }

  /** {@code epochs} without the undecided ones (an undecided punch hides nothing yet). */
  private long[] certain(long[] epochs) {
    return uncertain.length == 0 ? epochs : Arrays.stream(epochs).filter(e -> !isUncertain(e)).toArray();
  }

  /** Some read point p has {@code e <= p < hide}. */
  private boolean needed(long e, long hide) {
    for (long p : points) {
      if (p >= e && p < hide) {
        return true;
      }
    }
    return false;
  }

  /**
   * Entity {@code id} (whose own and ancestors' punches are {@code punch}) is invisible at every read point and has
   * no incarnation log record above the bound.
   */
  private boolean dead(long id, long[] punch) {
    long[] creates = epochs(Keys.CREATE_TAG, id);
    long[] own = epochs(Keys.PUNCH_TAG, id);
    if ((creates.length > 0 && creates[creates.length - 1] > bound) || (own.length > 0 && own[own.length - 1] > bound)) {
      return false;
    }
    for (long p : points) {
      long created = lastBelowOrAt(creates, p);
      if (created != Long.MIN_VALUE && created > lastBelowOrAt(punch, p)) {
        return false;
      }
    }
    return true;
  }

  private void deleteEntity(byte[] key, long id) {
    for (byte tag : new byte[] {Keys.CREATE_TAG, Keys.PUNCH_TAG}) {
      for (byte[][] r : entries(Keys.withId(tx.cont, tag, id))) {
        tx.delete(r[0]);
      }
    }
    tx.delete(key);
    stats.entities++;
  }

  private void drop(byte[] key, ValueRef ref) {
    tx.delete(key);
    tx.store.freeValue(tx.txn, ref);
    stats.versions++;
    stats.bytes += ref.len();
  }

  /** Epochs of entity {@code id}'s {@code tag} log records, ascending. */
  private long[] epochs(byte tag, long id) {
    List<byte[][]> rs = entries(Keys.withId(tx.cont, tag, id));
    long[] out = new long[rs.size()];
    for (int i = 0; i < out.length; i++) {
      out[out.length - 1 - i] = Keys.versionEpoch(rs.get(i)[0]);
    }
    return out;
  }

  private List<byte[][]> entries(byte[] prefix) {
    List<byte[][]> out = new ArrayList<>();
    try (Cur c = tx.cursor()) {
      for (boolean ok = c.seek(prefix); ok && Bytes.startsWith(c.key(), prefix); ok = c.next()) {
        out.add(new byte[][] {c.key(), c.val()});
      }
    }
    return out;
  }

  /** The first entry at or after {@code at} under {@code prefix}, as {key, value}; null if none. */
  private byte[][] nextEntry(byte[] at, byte[] prefix) {
    Cur c = tx.seek(at);
    if (c == null || !Bytes.startsWith(c.key(), prefix)) {
      return null;
    }
    return new byte[][] {c.key(), c.val()};
  }

  private boolean exists(byte[] prefix) {
    Cur c = tx.seek(prefix);
    return c != null && Bytes.startsWith(c.key(), prefix);
  }

  /** The smallest key after {@code k}. */
  public static byte[] successor(byte[] k) {
    return Arrays.copyOf(k, k.length + 1);
  }

  private static long[] merge(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    return out;
  }

  private static long firstAtOrAbove(long[] ascending, long e) {
    for (long v : ascending) {
      if (v >= e) {
        return v;
      }
    }
    return Long.MAX_VALUE;
  }

  private static long lastBelowOrAt(long[] ascending, long p) {
    long found = Long.MIN_VALUE;
    for (long v : ascending) {
      if (v > p) {
        break;
      }
      found = v;
    }
    return found;
  }
}
