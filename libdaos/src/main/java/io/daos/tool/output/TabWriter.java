package io.daos.tool.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Go's {@code text/tabwriter} DAOS's txtfmt uses: every line is a list of tab-terminated cells plus a
 * trailing text; each column is padded with spaces to its widest cell plus {@code padding}, and at least to
 * {@code minWidth}. All lines given share one column block (DAOS's tables and entities always do).
 */
final class TabWriter {
  private final int minWidth;
  private final int padding;
  private final List<List<String>> lines = new ArrayList<>();
  private final List<String> trailers = new ArrayList<>();

  TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  void line(List<String> cells, String trailer) {
    lines.add(cells);
    trailers.add(trailer);
  }

  String render() {
    int cols = lines.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[cols];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], Math.max(minWidth, width(line.get(i)) + padding));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < lines.size(); l++) {
      List<String> line = lines.get(l);
      for (int i = 0; i < line.size(); i++) {
        sb.append(line.get(i)).append(" ".repeat(widths[i] - width(line.get(i))));
      }
      sb.append(trailers.get(l)).append('\n');
    }
    return sb.toString();
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
