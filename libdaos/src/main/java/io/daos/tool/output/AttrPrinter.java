package io.daos.tool.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pool and container user attributes as DAOS's PrintAttributes and daos.Attribute JSON show them. */
public final class AttrPrinter {
  private AttrPrinter() {
  }

  /** "Attributes for pool p1:" and a Name[/Value] table; names without values leave the Value column out. */
  public static String text(String header, List<String> names, Map<String, byte[]> values) {
    StringBuilder out = new StringBuilder(header).append('\n');
    if (names.isEmpty()) {
      return out.append("  No attributes found.\n").toString();
    }
    List<String> titles = new ArrayList<>(List.of("Name"));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String name : names) {
      Map<String, String> row = new HashMap<>();
      row.put("Name", name);
      byte[] v = values == null ? null : values.get(name);
      if (v != null && v.length > 0) {
        row.put("Value", new String(v, StandardCharsets.UTF_8));
        if (titles.size() == 1) {
          titles.add("Value");
        }
      }
      rows.add(row);
    }
    return out.append(Tables.table(titles, rows, "")).toString();
  }

  /** One daos.Attribute: {"name": ..., "value": base64} (value left out when empty). */
  public static Obj attr(String name, byte[] value) {
    return new Obj().with("name", name).withNonEmpty("value", value == null || value.length == 0 ? null : value);
  }

  /** A list of daos.Attribute objects in {@code names} order. */
  public static List<Object> attrs(List<String> names, Map<String, byte[]> values) {
    List<Object> out = new ArrayList<>();
    names.forEach(n -> out.add(attr(n, values.get(n))));
    return out;
  }

  /** {@code AttributeList.AsMap()}: name to base64 value, names sorted. */
  public static Map<String, Object> asMap(Map<String, byte[]> values) {
    Map<String, Object> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v == null || v.length == 0 ? null : v));
    return out;
  }
}
