package io.daos.tool.output;

import java.util.LinkedHashMap;

/** A JSON object under construction: keys keep their insertion order (Go's struct field order). */
public final class Obj extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  public Obj with(String key, Object value) {
    put(key, value);
    return this;
  }

  /** Adds the key only when {@code value} is not empty (Go's {@code omitempty} for strings and lists). */
  public Obj withNonEmpty(String key, Object value) {
    boolean empty = value == null || value instanceof String s && s.isEmpty()
        || value instanceof java.util.Collection<?> c && c.isEmpty();
    return empty ? this : with(key, value);
  }

  /** Adds a rank set (Go's {@code *RankSet} with {@code omitempty}): omitted when null, sorted ranks otherwise. */
  public Obj withRanks(String key, java.util.List<Integer> ranks) {
    return ranks == null ? this : with(key, ranks.stream().sorted().distinct().toList());
  }
}
