package io.daos.tool.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DAOS's txtfmt: titled tables and "key: value" entity blocks, with the same padding and trailing spaces. */
public final class Tables {
  private static final int ENTITY_INDENT = 2;

  private Tables() {
  }

  /**
   * {@code txtfmt.TableFormatter}: a title row, a dash row, one row per entry; cells padded to the column's widest
   * cell plus one space; a row without a column shows {@code None}. {@code indent} prefixes every line.
   */
  public static String table(List<String> titles, List<Map<String, String>> rows, String indent) {
    if (titles.isEmpty()) {
      return "";
    }
    TabWriter tw = new TabWriter(0, 1);
    tw.line(titles, "");
    tw.line(titles.stream().map(t -> "-".repeat(t.length())).toList(), "");
    for (Map<String, String> row : rows) {
      tw.line(titles.stream().map(t -> row.getOrDefault(t, "None")).toList(), "");
    }
    return indent.isEmpty() ? tw.render() : tw.render().replaceAll("(?m)^(?=.)", indent);
  }

  /** {@code txtfmt.FormatEntity("", rows)}: "  key : value" lines, padded as DAOS pads them. */
  public static String entity(List<Map.Entry<String, String>> rows) {
    TabWriter tw = new TabWriter(padding(rows) + ENTITY_INDENT, 0);
    String pad = " ".repeat(ENTITY_INDENT);
    for (Map.Entry<String, String> r : rows) {
      tw.line(List.of(pad + r.getKey(), ": " + r.getValue()), "");
    }
    return tw.render();
  }

  /** {@code txtfmt.GetEntityPadding}, including its quirk of comparing against the padded width. */
  private static int padding(List<Map.Entry<String, String>> rows) {
    int padding = 0;
    for (Map.Entry<String, String> r : rows) {
      if (r.getKey().length() > padding) {
        padding = r.getKey().length() + 1;
      }
    }
    return padding;
  }

  /** Rows for {@link #entity}: alternating keys and values. */
  public static List<Map.Entry<String, String>> rows(String... kv) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      out.add(Map.entry(kv[i], kv[i + 1]));
    }
    return out;
  }
}
