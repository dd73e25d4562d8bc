package io.daos.tool.output;

import io.daos.common.Hlc;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** HLC timestamps shown as DAOS's tool shows them, in the given time zone. */
public final class HlcTime {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
      Locale.ROOT);
  private static final DateTimeFormatter GO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter GO_OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);

  private HlcTime() {
  }

  /** DAOS {@code common.FormatTime}: {@code 2024-05-01T10:20:30.123+00:00}. */
  public static String iso(long hlc, ZoneId zone) {
    return ISO.format(at(hlc, zone));
  }

  /** Go's {@code time.Time.String()}: {@code 2024-05-01 10:20:30.1234 +0000 UTC} (fraction without trailing 0s). */
  public static String goString(long hlc, ZoneId zone) {
    ZonedDateTime t = at(hlc, zone);
    StringBuilder sb = new StringBuilder(GO_DATE.format(t));
    if (t.getNano() != 0) {
      String frac = String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
      sb.append('.').append(frac);
    }
    return sb.append(' ').append(GO_OFFSET.format(t)).append(' ').append(zoneName(t)).toString();
  }

  /** DAOS {@code HLC.IsZero}: 0, or the HLC epoch itself. */
  public static boolean isZero(long hlc) {
    return hlc == 0 || Hlc.toUnixNanos(hlc) == Hlc.START_UNIX_SECONDS * 1_000_000_000L;
  }

  private static ZonedDateTime at(long hlc, ZoneId zone) {
    return Hlc.toInstant(hlc).atZone(zone);
  }

  private static String zoneName(ZonedDateTime t) {
    if (t.getZone().getId().equals("UTC") || t.getZone().getId().equals("Z")) {
      return "UTC";
    }
    return t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT).length() <= 5
        ? DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(t) : GO_OFFSET.format(t);
  }
}
