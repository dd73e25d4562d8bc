package io.daos.tool.output;

import io.daos.common.cli.ErrorText;
import io.daos.common.cli.JsonEnvelope;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer with Go's {@code json.MarshalIndent(v, "", "  ")} layout and escaping (what DAOS's tools
 * print): objects are {@link Map}s in their iteration order, arrays are {@link List}s, {@code byte[]} is base64 as Go
 * writes {@code []byte}; {@code <}, {@code >} and {@code &} are escaped as Go does. No reflection.
 */
public final class Json {
  private Json() {
  }

  /** The {@code -j} {@link JsonEnvelope} of every daos command, the error shown as {@link ErrorText#withStatus}. */
  public static String envelope(Object response, Throwable error) {
    return indent(JsonEnvelope.of(response, error, ErrorText::withStatus)) + "\n";
  }

  /** {@code value} rendered with two-space indentation, no trailing newline. */
  public static String indent(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, "");
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, String pad) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof byte[] b) {
      quote(sb, Base64.getEncoder().encodeToString(b));
    } else if (v instanceof Map<?, ?> m) {
      object(sb, m, pad);
    } else if (v instanceof List<?> l) {
      array(sb, l, pad);
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
  }

  private static void object(StringBuilder sb, Map<?, ?> m, String pad) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    String inner = pad + "  ";
    sb.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sb.append(inner);
      quote(sb, String.valueOf(e.getKey()));
      sb.append(": ");
      write(sb, e.getValue(), inner);
      sb.append(++i < m.size() ? ",\n" : "\n");
    }
    sb.append(pad).append('}');
  }

  private static void array(StringBuilder sb, List<?> l, String pad) {
    if (l.isEmpty()) {
      sb.append("[]");
      return;
    }
    String inner = pad + "  ";
    sb.append("[\n");
    for (int i = 0; i < l.size(); i++) {
      sb.append(inner);
      write(sb, l.get(i), inner);
      sb.append(i + 1 < l.size() ? ",\n" : "\n");
    }
    sb.append(pad).append(']');
  }

  /** Go's string encoding (HTML-safe). */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
