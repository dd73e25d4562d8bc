package io.daos.dmg.command;

import io.daos.common.build.Component;
import io.daos.control.ControlClient;
import io.daos.control.config.ControlConfig;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Factory for the production control invoker (component "admin"). jdaos extension: the environment variable
 * {@value #TIMEOUT_ENV} (a duration such as {@code 30s}, {@code 2m}, {@code 500ms}) replaces the 5-minute
 * deadline of every request, e.g. for scripts that must not wait that long on an unreachable system.
 */
public final class ControlInvokers {
  public static final String TIMEOUT_ENV = "JDAOS_DMG_TIMEOUT";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private ControlInvokers() {
  }

  public static ControlInvoker grpc(ControlConfig cfg) {
    String t = System.getenv(TIMEOUT_ENV);
    return grpc(cfg, t == null || t.isBlank() ? null : timeout(t.trim()));
  }

  /** As {@link #grpc(ControlConfig)} with every request's deadline {@code timeout} (null: the default 5 minutes). */
  public static ControlInvoker grpc(ControlConfig cfg, Duration timeout) {
    ControlClient.Builder b = ControlClient.builder().config(cfg).component(Component.ADMIN);
    if (timeout != null) {
      b.requestTimeout(timeout);
    }
    return new ControlClientInvoker(b.build());
  }

  /** Parses {@code 30s}-style durations; anything else is a clear error. */
  static Duration timeout(String text) {
    Matcher m = DURATION.matcher(text);
    long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (n <= 0) {
      throw new CommandError("invalid " + TIMEOUT_ENV + " '" + text + "': use a positive duration such as 30s, "
          + "2m or 500ms (or unset it for the default of 5m)");
    }
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
