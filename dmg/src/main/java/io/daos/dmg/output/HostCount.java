package io.daos.dmg.output;

/** Counts hosts in a DAOS ranged host list such as "foo[7-9],bar1:10001". */
final class HostCount {
  private HostCount() {
  }

  static int count(String hosts) {
    if (hosts == null || hosts.isBlank()) {
      return 0;
    }
    int total = 0;
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= hosts.length(); i++) {
      char c = i < hosts.length() ? hosts.charAt(i) : ',';
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        total += one(hosts.substring(start, i));
        start = i + 1;
      }
    }
    return total;
  }

  private static int one(String host) {
    int open = host.indexOf('[');
    int close = host.indexOf(']');
    if (host.isBlank()) {
      return 0;
    }
    if (open < 0 || close < open) {
      return 1;
    }
    return RankRanges.parse(host.substring(open + 1, close)).size();
  }
}
