package io.daos.server.config.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** MD-on-SSD roles of a bdev tier as DAOS's bits: DATA=1, META=2, WAL=4 ({@code bdev_roles}). */
public record BdevRoles(int bits) {
  public static final int DATA = 1;
  public static final int META = 2;
  public static final int WAL = 4;
  public static final int ALL = DATA | META | WAL;
  public static final BdevRoles NONE = new BdevRoles(0);

  public BdevRoles {
    if (bits < 0 || bits > ALL) {
      throw new IllegalArgumentException("bad role bits " + bits);
    }
  }

  /**
   * Parses YAML names {@code data}, {@code meta}, {@code wal}; {@code na} ends the list. Returns null for
   * an unknown name (the caller reports it with the line).
   */
  public static BdevRoles parse(List<String> names) {
    int bits = 0;
    for (String n : names) {
      String name = n.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("na")) {
        break;
      }
      switch (name) {
        case "data" -> bits |= DATA;
        case "meta" -> bits |= META;
        case "wal" -> bits |= WAL;
        default -> {
          return null;
        }
      }
    }
    return new BdevRoles(bits);
  }

  public boolean isEmpty() {
    return bits == 0;
  }

  public boolean hasData() {
    return (bits & DATA) != 0;
  }

  public boolean hasMeta() {
    return (bits & META) != 0;
  }

  public boolean hasWal() {
    return (bits & WAL) != 0;
  }

  /** YAML names, sorted as DAOS prints them. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    if (hasData()) {
      out.add("data");
    }
    if (hasMeta()) {
      out.add("meta");
    }
    if (hasWal()) {
      out.add("wal");
    }
    return out;
  }

  @Override
  public String toString() {
    return isEmpty() ? "NA" : String.join(",", names()).toUpperCase(Locale.ROOT);
  }
}
