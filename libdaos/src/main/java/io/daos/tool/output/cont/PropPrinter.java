package io.daos.tool.output.cont;

import io.daos.client.ContainerProps;
import io.daos.tool.output.Obj;
import io.daos.tool.output.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code daos container get-prop}: DAOS's PrintContainerProperties text and ContainerProperty JSON. */
public final class PropPrinter {
  private PropPrinter() {
  }

  public static String text(String header, List<ContProp> wanted, ContainerProps props) {
    StringBuilder out = new StringBuilder(header).append('\n');
    if (wanted.isEmpty()) {
      return out.append("  No properties found.\n").toString();
    }
    List<String> titles = new ArrayList<>(List.of("Name"));
    List<Map<String, String>> rows = new ArrayList<>();
    for (ContProp p : wanted) {
      Map<String, String> row = new HashMap<>();
      row.put("Name", p.description() + " (" + p.name() + ")");
      String v = p.text(props);
      if (!v.isEmpty()) {
        row.put("Value", v);
        if (titles.size() == 1) {
          titles.add("Value");
        }
      }
      rows.add(row);
    }
    return out.append(Tables.table(titles, rows, "")).toString();
  }

  public static List<Object> json(List<ContProp> wanted, ContainerProps props) {
    List<Object> out = new ArrayList<>();
    for (ContProp p : wanted) {
      Object value = p.name().equals("root_oids") || p.name().equals("acl") ? List.of() : p.json(props);
      out.add(new Obj().with("value", value).with("name", p.name()).with("description", p.description()));
    }
    return out;
  }
}
