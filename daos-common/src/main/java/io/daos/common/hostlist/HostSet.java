package io.daos.common.hostlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable, sorted set of hosts without duplicates, rendered in DAOS's ranged form
 * ({@code "host[1-3,5]:10001"}) as DAOS's {@code hostlist.HostSet}; used for host error grouping and MS
 * candidate lists. Operations return new sets.
 */
public final class HostSet {
  private static final HostSet EMPTY = new HostSet(List.of());

  private final List<HostRange> ranges; // uniq'ed

  private HostSet(List<HostRange> ranges) {
    this.ranges = ranges;
  }

  public static HostSet empty() {
    return EMPTY;
  }

  /** Parses DAOS host-list syntax (see {@link HostList#parse}) and dedupes. */
  public static HostSet parse(String hosts) {
    List<HostRange> r = HostRanges.parse(hosts);
    HostRanges.uniq(r);
    return new HostSet(r);
  }

  /** The set of all the given host expressions (each may itself be ranged). */
  public static HostSet of(Collection<String> hosts) {
    return parse(String.join(",", hosts));
  }

  /** A set with the given hosts (any host-list expression) added. */
  public HostSet insert(String hosts) {
    List<HostRange> r = HostRanges.copy(ranges);
    for (HostRange hr : HostRanges.parse(hosts)) {
      HostRanges.push(r, hr);
    }
    HostRanges.uniq(r);
    return new HostSet(r);
  }

  public HostSet union(HostSet other) {
    List<HostRange> r = HostRanges.copy(ranges);
    for (HostRange hr : other.ranges) {
      HostRanges.push(r, hr.copy());
    }
    HostRanges.uniq(r);
    return new HostSet(r);
  }

  /** True if every host of {@code hosts} (a host-list expression) is in this set. */
  public boolean contains(String hosts) {
    return new HashSet<>(hosts()).containsAll(parse(hosts).hosts());
  }

  /** The hosts of {@code hosts} that are also in this set. */
  public HostSet intersect(String hosts) {
    Set<String> mine = new HashSet<>(hosts());
    List<String> both = new ArrayList<>();
    for (String h : parse(hosts).hosts()) {
      if (mine.contains(h)) {
        both.add(h);
      }
    }
    return of(both);
  }

  /** A set without the hosts of {@code hosts}. */
  public HostSet remove(String hosts) {
    Set<String> gone = new HashSet<>(parse(hosts).hosts());
    List<String> keep = new ArrayList<>();
    for (String h : hosts()) {
      if (!gone.contains(h)) {
        keep.add(h);
      }
    }
    return of(keep);
  }

  public int count() {
    return (int) HostRanges.count(ranges);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Every host, expanded, in sorted order. */
  public List<String> hosts() {
    return HostRanges.hosts(ranges);
  }

  /** Every host, comma-separated (DAOS's DerangedString). */
  public String derangedString() {
    return String.join(",", hosts());
  }

  /** DAOS's ranged form, e.g. {@code "host[1-3]:10001"} (also its JSON form, as a string). */
  @Override
  public String toString() {
    return HostRanges.rangedString(HostRanges.copy(ranges));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostSet hs && hs.hosts().equals(hosts());
  }

  @Override
  public int hashCode() {
    return hosts().hashCode();
  }
}
