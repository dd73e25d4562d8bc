package io.daos.common.hostlist;

import java.util.List;

/**
 * An immutable host list in DAOS's syntax ({@code "node[1-3]:10001,other"}), kept in input order with
 * duplicates, as DAOS's {@code hostlist.HostList}. {@link #uniq()} sorts and dedupes it into the order
 * DAOS prints; {@link HostSet} is the always-unique variant most callers want.
 */
public final class HostList {
  private final List<HostRange> ranges;

  private HostList(List<HostRange> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses hosts separated by commas, spaces or tabs; each may carry a bracketed numeric range with zero
   * padding ({@code "node[001-010]"}) and a suffix such as a port ({@code "10.0.0.[1-4]:10001"}).
   *
   * @throws IllegalArgumentException on a malformed host or range (message names it, DAOS wording)
   */
  public static HostList parse(String hosts) {
    return new HostList(HostRanges.parse(hosts));
  }

  /** The list sorted by prefix, suffix and number, with duplicates removed and runs merged. */
  public HostList uniq() {
    List<HostRange> copy = HostRanges.copy(ranges);
    HostRanges.uniq(copy);
    return new HostList(copy);
  }

  /** Number of hosts (counting duplicates). */
  public long count() {
    return HostRanges.count(ranges);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Every host, expanded, in list order. */
  public List<String> hosts() {
    return HostRanges.hosts(ranges);
  }

  /** Every host, expanded and comma-separated (DAOS's DerangedString). */
  public String derangedString() {
    return String.join(",", hosts());
  }

  List<HostRange> rangesCopy() {
    return HostRanges.copy(ranges);
  }

  /** The bracketed ranged form (DAOS's RangedString). */
  @Override
  public String toString() {
    return HostRanges.rangedString(HostRanges.copy(ranges));
  }
}
