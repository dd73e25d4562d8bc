package io.daos.common.ranklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable, sorted set of ranks with DAOS's ranged text form: {@code "0-3,5"} ({@link #toString()}) and
 * {@code "[0-3,5]"} ({@link #rangedString()}). {@link #add} and {@link #remove} return new sets.
 * JSON (an int array, as DAOS marshals rank sets) is the caller's job: use {@link #ranks()}.
 */
public final class RankSet implements Iterable<Rank> {
  private static final RankSet EMPTY = new RankSet(new long[0]);

  private final long[] values; // sorted, distinct, each in [0, Rank.MAX_VALUE]

  private RankSet(long[] values) {
    this.values = values;
  }

  public static RankSet empty() {
    return EMPTY;
  }

  public static RankSet of(Rank... ranks) {
    return of(Arrays.asList(ranks));
  }

  public static RankSet of(Collection<Rank> ranks) {
    long[] v = ranks.stream().filter(r -> !r.isNil()).mapToLong(Rank::value).sorted().distinct().toArray();
    return v.length == 0 ? EMPTY : new RankSet(v);
  }

  /** The set of ranks given as protobuf uint32 bits (as {@code int}); NilRank (-1) is dropped. */
  public static RankSet ofInts(Collection<Integer> ranks) {
    return of(ranks.stream().map(Rank::fromUint32).toList());
  }

  /** {@link #ofInts(Collection)} for a few ranks. */
  public static RankSet ofInts(int... ranks) {
    return ofInts(Arrays.stream(ranks).boxed().toList());
  }

  /**
   * Parses DAOS's rank-list syntax: {@code "0-3,5"}, {@code "[0-3,5]"}, {@code ""} or {@code "[]"}.
   *
   * @throws IllegalArgumentException naming the bad part, with DAOS's wording
   */
  public static RankSet parse(String text) {
    return RankListParser.parse(text);
  }

  static RankSet ofSortedDistinct(long[] values) {
    return values.length == 0 ? EMPTY : new RankSet(values);
  }

  public int count() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  public boolean contains(Rank rank) {
    return !rank.isNil() && Arrays.binarySearch(values, rank.value()) >= 0;
  }

  /** {@link #contains(Rank)} for a rank given as uint32 bits (as {@code int}). */
  public boolean contains(int rank) {
    return contains(Rank.fromUint32(rank));
  }

  /** A set with {@code rank} added (this set if it is already present). */
  public RankSet add(Rank rank) {
    if (rank.isNil()) {
      throw new IllegalArgumentException("cannot add NilRank to a rank set");
    }
    int at = Arrays.binarySearch(values, rank.value());
    if (at >= 0) {
      return this;
    }
    int ins = -at - 1;
    long[] v = new long[values.length + 1];
    System.arraycopy(values, 0, v, 0, ins);
    v[ins] = rank.value();
    System.arraycopy(values, ins, v, ins + 1, values.length - ins);
    return new RankSet(v);
  }

  /** A set without {@code rank} (this set if it is absent). */
  public RankSet remove(Rank rank) {
    int at = rank.isNil() ? -1 : Arrays.binarySearch(values, rank.value());
    if (at < 0) {
      return this;
    }
    long[] v = new long[values.length - 1];
    System.arraycopy(values, 0, v, 0, at);
    System.arraycopy(values, at + 1, v, at, values.length - at - 1);
    return ofSortedDistinct(v);
  }

  public RankSet union(RankSet other) {
    long[] v = new long[values.length + other.values.length];
    System.arraycopy(values, 0, v, 0, values.length);
    System.arraycopy(other.values, 0, v, values.length, other.values.length);
    return ofSortedDistinct(Arrays.stream(v).sorted().distinct().toArray());
  }

  /** The ranks in ascending order. */
  public List<Rank> ranks() {
    List<Rank> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(Rank.of(v));
    }
    return out;
  }

  /** The ranks in ascending order, as uint32 bits (as {@code int}, the way protobuf carries them). */
  public List<Integer> ints() {
    List<Integer> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add((int) v);
    }
    return out;
  }

  @Override
  public Iterator<Rank> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < values.length;
      }

      @Override
      public Rank next() {
        if (next >= values.length) {
          throw new NoSuchElementException();
        }
        return Rank.of(values[next++]);
      }
    };
  }

  /** DAOS's bracketed form: {@code "[0-3,5]"}; a single rank has no brackets ({@code "5"}); empty is "". */
  public String rangedString() {
    String inner = toString();
    return values.length > 1 ? "[" + inner + "]" : inner;
  }

  /** DAOS's plain ranged form: {@code "0-3,5"}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < values.length) {
      int j = i;
      while (j + 1 < values.length && values[j + 1] == values[j] + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(values[i]);
      if (j > i) {
        sb.append('-').append(values[j]);
      }
      i = j + 1;
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankSet rs && Arrays.equals(rs.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }
}
