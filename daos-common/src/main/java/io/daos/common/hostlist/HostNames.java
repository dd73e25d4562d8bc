package io.daos.common.hostlist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits one host name into prefix, number and suffix the way DAOS's hostlist does. */
final class HostNames {
  private static final Pattern PLAIN = Pattern.compile("^([a-zA-Z]+)(\\d+)?(.*)?");
  private static final Pattern HYPHENATED = Pattern.compile("^([a-zA-Z0-9\\-]+\\-)(\\d+)?(.*)?");
  private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.)(\\d{1,3})(.*)");

  private HostNames() {
  }

  /** The host as a one-host range: numbered if the name has a number after its prefix. */
  static HostRange parse(String host) {
    Matcher m = (host.contains("-") ? HYPHENATED : PLAIN).matcher(host);
    if (!m.find()) {
      m = IPV4.matcher(host);
      if (!m.find() || !validPortTail(m.group(3))) {
        throw invalid(host);
      }
    }
    String digits = m.group(2);
    if (digits == null || digits.isEmpty()) {
      return HostRange.single(host);
    }
    if (digits.length() > 18) {
      throw invalid(host);
    }
    long n = Long.parseLong(digits);
    String suffix = m.group(3) == null ? "" : m.group(3);
    return new HostRange(m.group(1), suffix, n, n, digits.length(), true);
  }

  private static boolean validPortTail(String tail) {
    if (tail.isEmpty()) {
      return true;
    }
    String port = tail.substring(1);
    return !port.isEmpty() && port.length() <= 18 && port.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static IllegalArgumentException invalid(String host) {
    return new IllegalArgumentException("invalid hostname \"" + host + "\"");
  }
}
