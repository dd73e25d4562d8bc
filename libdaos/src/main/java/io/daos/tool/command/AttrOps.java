package io.daos.tool.command;

import io.daos.tool.api.AttrApi;
import io.daos.tool.output.AttrPrinter;
import io.daos.tool.output.CliError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The attribute commands shared by pools and containers (DAOS's attribute.go). */
public final class AttrOps {
  private final AttrApi api;
  private final String kind;
  private final String id;

  /** {@code kind} is "pool" or "container"; {@code id} the handle's ID (label or UUID). */
  public AttrOps(AttrApi api, String kind, String id) {
    this.api = api;
    this.kind = kind;
    this.id = id;
  }

  public Outcome list(boolean verbose) {
    if (!verbose) {
      List<String> names;
      try {
        names = api.listAttributes().stream().sorted().toList();
      } catch (RuntimeException e) {
        throw CliError.wrap("failed to list attributes for " + kind + " " + id, e);
      }
      return Outcome.of(names, AttrPrinter.text(title(), names, null));
    }
    Map<String, byte[]> all = getAll(List.of());
    List<String> names = new ArrayList<>(all.keySet());
    return Outcome.of(AttrPrinter.asMap(all), AttrPrinter.text(title(), names, all));
  }

  public Outcome get(List<String> names) {
    Map<String, byte[]> got = getAll(names);
    List<String> order = names.isEmpty() ? new ArrayList<>(got.keySet()) : names;
    Object json = names.size() == 1 && got.size() == 1 ? AttrPrinter.attr(order.get(0), got.get(order.get(0)))
        : AttrPrinter.attrs(order, got);
    return Outcome.of(json, AttrPrinter.text(title(), order, got));
  }

  private Map<String, byte[]> getAll(List<String> names) {
    try {
      return api.getAttributes(names);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to get attributes for " + kind + " " + id, e);
    }
  }

  public Outcome set(Map<String, String> attrs) {
    if (attrs.isEmpty()) {
      throw CliError.of("attribute name and value are required");
    }
    Map<String, byte[]> values = new LinkedHashMap<>();
    attrs.forEach((k, v) -> values.put(k, v.getBytes(StandardCharsets.UTF_8)));
    try {
      api.setAttributes(values);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to set attributes on " + kind + " " + id, e);
    }
    return Outcome.text("Attributes successfully set on " + kind + " \"" + id + "\"\n");
  }

  public Outcome delete(List<String> names) {
    String joined = String.join(",", names);
    try {
      api.deleteAttributes(names);
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to delete attributes " + joined + " on " + kind + " " + id, e);
    }
    return Outcome.text("Attribute(s) " + joined + " successfully deleted on " + kind + " \"" + id + "\"\n");
  }

  private String title() {
    return "Attributes for " + kind + " " + id + ":";
  }
}
