package io.daos.dmg.model;

/**
 * The value a command object's field holds as its constructor leaves it, as {@link CommandModel} records it for
 * immutable values (null, booleans, numbers, strings): {@code N}, {@code Z:true}, {@code I:5}, {@code J:5},
 * {@code S:text}. Other values (collections, objects) are not recorded: {@link #UNKNOWN}.
 */
record InitialValue(boolean known, Object value) {
  static final InitialValue UNKNOWN = new InitialValue(false, null);

  /** The record's text form of {@code v}, or null if it is not one the model records. */
  static String encode(Object v) {
    if (v == null) {
      return "N";
    }
    if (v instanceof Boolean b) {
      return "Z:" + b;
    }
    if (v instanceof Integer i) {
      return "I:" + i;
    }
    if (v instanceof Long l) {
      return "J:" + l;
    }
    if (v instanceof String s) {
      return "S:" + AnnotationValues.escape(s);
    }
    return null;
  }

  static InitialValue decode(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    if (text.equals("N")) {
      return new InitialValue(true, null);
    }
    String v = text.substring(2);
    return new InitialValue(true, switch (text.charAt(0)) {
      case 'Z' -> Boolean.parseBoolean(v);
      case 'I' -> Integer.parseInt(v);
      case 'J' -> Long.parseLong(v);
      case 'S' -> AnnotationValues.unescape(v);
      default -> throw new IllegalStateException("dmg's command model: bad initial value " + text);
    });
  }
}
