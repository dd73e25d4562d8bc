package io.daos.server.config.engine;

/** A PCI bus-id range {@code <begin>-<end>} (numbers in any base with 0x/0 prefixes), as DAOS parses it. */
public record BusIdRange(int begin, int end) {
  public static final BusIdRange ALL = new BusIdRange(0x00, 0xff);

  /** Parses {@code 0x80-0x8f}; "" gives 0-0; null on a malformed range. */
  public static BusIdRange parse(String text) {
    if (text == null || text.isEmpty()) {
      return new BusIdRange(0, 0);
    }
    String[] parts = text.split("-");
    if (parts.length != 2) {
      return null;
    }
    Integer b = num(parts[0]);
    Integer e = num(parts[1]);
    if (b == null || e == null || b > e) {
      return null;
    }
    return new BusIdRange(b, e);
  }

  private static Integer num(String s) {
    try {
      int v = Integer.decode(s.trim());
      return v < 0 || v > 0xff ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
