package io.daos.tool.output.cont;

import java.util.List;
import java.util.Locale;

/** Container layout types ({@code DAOS_PROP_CO_LAYOUT_*}) by name, as {@code daos_(un)parse_ctype} spell them. */
public final class Layouts {
  private static final List<String> NAMES = List.of("unknown", "POSIX", "HDF5", "PYTHON", "SPARK", "DATABASE",
      "ROOT", "SEISMIC", "METEO");

  private Layouts() {
  }

  /** The layout's name; {@code unknown} for numbers DAOS does not know. */
  public static String name(int layout) {
    return layout > 0 && layout < NAMES.size() ? NAMES.get(layout) : "unknown";
  }

  /** The layout number for a name (any case; DB, RNTuple, DSG and FDB too); 0 when unknown. */
  public static int parse(String s) {
    String u = s.toUpperCase(Locale.ROOT);
    switch (u) {
      case "DB":
        return 5;
      case "RNTUPLE":
        return 6;
      case "DSG":
        return 7;
      case "FDB":
        return 8;
      default:
        int i = NAMES.indexOf(u);
        return i > 0 ? i : 0;
    }
  }
}
