package io.daos.agent.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration ("90s", "1h30m", "1.5h", "300ms"), as yaml.v2 decodes a time.Duration. */
final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {
  }

  /** Parses {@code text}; a bare integer is nanoseconds (as yaml.v2). Throws IllegalArgumentException. */
  static Duration parse(String text) {
    String s = text.trim();
    if (s.matches("-?\\d+")) {
      return Duration.ofNanos(Long.parseLong(s));
    }
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    BigDecimal total = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    Duration d = Duration.ofNanos(total.longValue());
    return negative ? d.negated() : d;
  }
}
