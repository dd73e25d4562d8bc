package io.daos.dmg.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one picocli annotation as {@link CommandModel} stores them: every attribute that differs from
 * the annotation type's default, as text. Decodes them by the annotation method's return type; attributes not stored
 * answer the declared default ({@link Method#getDefaultValue}, read from the class file without an annotation
 * instance).
 */
final class AnnotationValues {
  /** Separates the elements of an array value. */
  static final char ELEMENT = '\u001f';

  private final Class<? extends Annotation> type;
  private final Map<String, String> stored;
  private final Map<String, Object> decoded = new HashMap<>();

  AnnotationValues(Class<? extends Annotation> type, Map<String, String> stored) {
    this.type = type;
    this.stored = stored;
  }

  Class<? extends Annotation> type() {
    return type;
  }

  /** Removes and returns the stored text of {@code name}, an item that is not an attribute; null if absent. */
  String removeStored(String name) {
    return stored.remove(name);
  }

  /** The attribute names stored (those that differ from their defaults). */
  java.util.Set<String> names() {
    return stored.keySet();
  }

  /** The value of attribute {@code name}, decoded, or its default. */
  @SuppressWarnings("unchecked")
  <T> T get(String name) {
    Object v = decoded.get(name);
    if (v == null) {
      Method m;
      try {
        m = type.getMethod(name);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no attribute " + name, e);
      }
      String text = stored.get(name);
      v = text == null ? m.getDefaultValue() : decode(m.getReturnType(), text);
      decoded.put(name, v);
    }
    if (v.getClass().isArray() && Array.getLength(v) > 0) {
      return (T) cloneArray(v);
    }
    return (T) v;
  }

  private static Object cloneArray(Object a) {
    int n = Array.getLength(a);
    Object c = Array.newInstance(a.getClass().getComponentType(), n);
    System.arraycopy(a, 0, c, 0, n);
    return c;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object decode(Class<?> t, String text) {
    if (t.isArray()) {
      List<String> parts = elements(text);
      Object a = Array.newInstance(t.getComponentType(), parts.size());
      for (int i = 0; i < parts.size(); i++) {
        Array.set(a, i, decode(t.getComponentType(), parts.get(i)));
      }
      return a;
    }
    if (t == String.class) {
      return unescape(text);
    }
    if (t == boolean.class) {
      return Boolean.parseBoolean(text);
    }
    if (t == int.class) {
      return Integer.parseInt(text);
    }
    if (t.isEnum()) {
      return Enum.valueOf((Class<Enum>) t, text);
    }
    if (t == Class.class) {
      try {
        return Class.forName(text, false, AnnotationValues.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("dmg's command model names a missing class " + text, e);
      }
    }
    throw new IllegalStateException("dmg's command model cannot hold a " + t.getName() + " attribute");
  }

  /** The elements of an array value: {@code n:} then n escaped elements separated by {@link #ELEMENT}. */
  static List<String> elements(String text) {
    int colon = text.indexOf(':');
    int n = Integer.parseInt(text.substring(0, colon));
    if (n == 0) {
      return List.of();
    }
    List<String> parts = List.of(text.substring(colon + 1).split(String.valueOf(ELEMENT), -1));
    if (parts.size() != n) {
      throw new IllegalStateException("dmg's command model: " + n + " elements expected in " + text);
    }
    return parts;
  }

  /** Escapes a string for the model's one-line, tab-separated records. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case ELEMENT -> b.append("\\e");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      b.append(switch (e) {
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 'e' -> ELEMENT;
        default -> e;
      });
    }
    return b.toString();
  }
}
