package io.daos.dmg.command.pool;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.daos.dmg.command.CommandError;
import io.daos.proto.mgmt.PoolProperty;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One pool property of DAOS's table: how a command-line value is parsed (a Long or a String), how a value read
 * back is shown in the table, and its JSON form (numbers for numeric properties, a rank array for svc_list, the
 * shown text otherwise).
 */
public record PoolPropDef(String name, int number, String description, Function<String, Object> parser,
    Function<PoolProperty, String> text, Function<PoolProperty, JsonElement> json) {

  static PoolPropDef numeric(String name, int number, String desc, Function<String, Long> parse,
      LongFunction<String> show) {
    Function<PoolProperty, String> text = p -> p.hasNumval() ? show.apply(p.getNumval()) : "not set";
    return new PoolPropDef(name, number, desc, parse::apply, text,
        p -> p.hasNumval() ? new JsonPrimitive(new java.math.BigInteger(Long.toUnsignedString(p.getNumval())))
            : new JsonPrimitive(text.apply(p)));
  }

  static PoolPropDef enumerated(String name, int number, String desc, Map<String, Long> values) {
    Map<Long, String> names = new TreeMap<>();
    values.forEach((k, v) -> names.put(v, k));
    return withNames(name, number, desc, values, p -> p.hasNumval() && names.containsKey(p.getNumval())
        ? names.get(p.getNumval()) : raw(p));
  }

  static PoolPropDef selfHeal() {
    Map<String, Long> values = Map.of("none", 0L, "exclude", 1L, "rebuild", 2L, "delay_rebuild", 4L,
        "exclude;rebuild", 3L, "rebuild;exclude", 3L, "delay_rebuild;exclude", 5L, "exclude;delay_rebuild", 5L);
    Map<Long, String> shown = Map.of(0L, "none", 1L, "exclude", 2L, "rebuild", 4L, "delay_rebuild", 3L,
        "exclude;rebuild", 5L, "exclude;delay_rebuild");
    return withNames("self_heal", 4, "Self-healing policy", values,
        p -> !p.hasNumval() ? "not set" : shown.getOrDefault(p.getNumval(), "unknown"));
  }

  private static PoolPropDef withNames(String name, int number, String desc, Map<String, Long> values,
      Function<PoolProperty, String> text) {
    String valid = String.join(",", new TreeMap<>(values).keySet());
    Function<String, Object> parse = s -> {
      Long v = values.get(s.toLowerCase(Locale.ROOT));
      if (v == null) {
        throw new CommandError("invalid value \"" + s + "\" for " + name + " (valid: " + valid + ")");
      }
      return v;
    };
    return new PoolPropDef(name, number, desc, parse, text, p -> new JsonPrimitive(text.apply(p)));
  }

  static PoolPropDef label() {
    Function<String, Object> parse = s -> {
      if (!PoolLabels.isValid(s)) {
        throw new CommandError("invalid label \"" + s + "\"");
      }
      return s;
    };
    return new PoolPropDef("label", 1, "Pool label", parse, PoolPropDef::raw, p -> new JsonPrimitive(raw(p)));
  }

  static PoolPropDef svcList() {
    Function<String, Object> parse = s -> {
      throw new CommandError("cannot set pool service replica list");
    };
    return new PoolPropDef("svc_list", 8, "Pool service replica list", parse, PoolPropDef::raw,
        p -> PoolProps.rankArray(raw(p)));
  }

  /** The value as DAOS's PoolPropertyValue.String() gives it. */
  static String raw(PoolProperty p) {
    return switch (p.getValueCase()) {
      case STRVAL -> p.getStrval();
      case NUMVAL -> Long.toUnsignedString(p.getNumval());
      case BYTEVAL -> Base64.getEncoder().encodeToString(p.getByteval().toByteArray());
      default -> "value not set";
    };
  }
}
