package io.daos.server.system;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** An immutable, sorted set of ranks, parsed from and rendered as DAOS ranged strings ("0-3,5"). */
public final class RankSet implements Iterable<Integer> {
  private static final RankSet EMPTY = new RankSet(new TreeSet<>());

  private final SortedSet<Integer> ranks;

  private RankSet(SortedSet<Integer> ranks) {
    this.ranks = ranks;
  }

  public static RankSet empty() {
    return EMPTY;
  }

  public static RankSet of(Collection<Integer> ranks) {
    return new RankSet(new TreeSet<>(ranks));
  }

  public static RankSet of(Integer... ranks) {
    return of(List.of(ranks));
  }

  /**
   * Parses "0-3,5" (optionally in brackets). Blank input is the empty set.
   *
   * @throws IllegalArgumentException saying what is wrong with the list
   */
  public static RankSet parse(String in) {
    String s = in == null ? "" : in.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    TreeSet<Integer> out = new TreeSet<>();
    if (s.isBlank()) {
      return new RankSet(out);
    }
    for (String part : s.split(",")) {
      addRange(out, part.trim(), in);
    }
    return new RankSet(out);
  }

  private static void addRange(TreeSet<Integer> out, String part, String whole) {
    if (part.chars().anyMatch(Character::isLetter)) {
      throw new IllegalArgumentException("invalid rank list \"" + whole + "\": unexpected alphabetic character(s)");
    }
    String[] ends = part.split("-", -1);
    try {
      int lo = Integer.parseInt(ends[0].trim());
      int hi = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : lo;
      if (ends.length > 2 || lo < 0 || hi < lo) {
        throw new NumberFormatException();
      }
      for (int r = lo; r <= hi; r++) {
        out.add(r);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid rank list \"" + whole + "\": bad range \"" + part
          + "\" (use e.g. 0-3,5)");
    }
  }

  public boolean contains(int rank) {
    return ranks.contains(rank);
  }

  public int count() {
    return ranks.size();
  }

  public boolean isEmpty() {
    return ranks.isEmpty();
  }

  public List<Integer> ranks() {
    return List.copyOf(ranks);
  }

  @Override
  public Iterator<Integer> iterator() {
    return ranks().iterator();
  }

  /** Ranged form without brackets, e.g. "0-3,5"; "" when empty. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int r : ranks) {
      if (prev != null && r == prev + 1) {
        prev = r;
        continue;
      }
      appendRange(sb, start, prev);
      start = r;
      prev = r;
    }
    appendRange(sb, start, prev);
    return sb.toString();
  }

  private static void appendRange(StringBuilder sb, Integer start, Integer end) {
    if (start == null) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(',');
    }
    sb.append(start);
    if (!start.equals(end)) {
      sb.append('-').append(end);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankSet r && ranks.equals(r.ranks);
  }

  @Override
  public int hashCode() {
    return ranks.hashCode();
  }
}
