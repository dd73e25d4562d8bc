package io.daos.dmg.output;

import java.util.ArrayList;
import java.util.List;

/** DAOS's host rendering in tables (ports dropped) and txtfmt's two-space indent writer. */
public final class PrintHosts {
  private PrintHosts() {
  }

  /** Drops ":port" from each comma-separated element, as DAOS's getPrintHosts without host ports. */
  public static String strip(String ranged) {
    List<String> out = new ArrayList<>();
    for (String h : ranged.split(",", -1)) {
      String[] hp = h.split(":", -1);
      out.add(hp.length == 2 ? hp[0] : h);
    }
    return String.join(",", out);
  }

  public static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append("  ").append(line);
      }
      sb.append('\n');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }
}
