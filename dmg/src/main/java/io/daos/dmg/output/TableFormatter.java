package io.daos.dmg.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a titled table the way DAOS's txtfmt table formatter does: a title row, a row of dashes as long as
 * each title, then one row per entry; every cell is padded to its column's widest cell plus one space (so each
 * line ends with a space). A row missing a column shows {@code None}.
 */
public final class TableFormatter {
  private final List<String> titles;

  public TableFormatter(String... titles) {
    this.titles = List.of(titles);
  }

  /** The whole table, each line ending in a newline. */
  public String format(List<Map<String, String>> rows) {
    if (titles.isEmpty()) {
      return "";
    }
    List<List<String>> lines = new ArrayList<>();
    lines.add(titles);
    lines.add(titles.stream().map(t -> "-".repeat(t.length())).toList());
    for (Map<String, String> row : rows) {
      lines.add(titles.stream().map(t -> row.getOrDefault(t, "None")).toList());
    }
    return render(lines, widths(lines));
  }

  private int[] widths(List<List<String>> lines) {
    int[] widths = new int[titles.size()];
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).codePointCount(0, line.get(i).length()) + 1);
      }
    }
    return widths;
  }

  private static String render(List<List<String>> lines, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        String cell = line.get(i);
        sb.append(cell).append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length())));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
