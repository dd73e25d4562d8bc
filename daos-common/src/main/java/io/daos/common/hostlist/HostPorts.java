package io.daos.common.hostlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Expands host-list entries into {@code host:port} addresses, appending a default port, as DAOS does. */
public final class HostPorts {
  private HostPorts() {
  }

  /**
   * Expands and dedupes {@code entries} (each a host-list expression such as {@code "node[1-3]"} or
   * {@code "10.0.0.1:10001"}) and appends {@code ":" + defaultPort} to hosts that name no port.
   *
   * @throws IllegalArgumentException for a malformed host or a non-numeric port
   */
  public static List<String> resolve(Collection<String> entries, int defaultPort) {
    List<String> out = new ArrayList<>();
    if (entries.isEmpty()) {
      return out;
    }
    for (String host : HostSet.of(entries).hosts()) {
      String[] hp = host.split(":", -1);
      if (hp.length == 1) {
        out.add(host + ":" + defaultPort);
      } else if (hp.length == 2 && isPort(hp[1])) {
        out.add(host);
      } else {
        throw new IllegalArgumentException("invalid host \"" + host + "\": host should conform to hostname[:port]");
      }
    }
    return out;
  }

  private static boolean isPort(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return Integer.parseInt(s) <= 65535;
  }
}
