package io.daos.tool.output.cont;

import io.daos.client.cont.ContainerProps;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One container property as DAOS's tool knows it ({@code propHdlrs}): its name, {@code DAOS_PROP_CO_*} type,
 * short description, how a user value becomes the property value and how the value is shown.
 *
 * @param name the name users type ({@code rd_fac})
 * @param type the property type number
 * @param description DAOS's short description
 * @param readOnly whether users may not set it
 * @param deprecated older names that still resolve
 * @param choices fixed user values and their numbers (empty when {@code parser} is used)
 * @param parser turns a user value into a Long or String (null when {@code choices} is used)
 * @param shown the text form of a set value
 * @param jsonNumber whether the JSON value is the raw number rather than the text form
 */
public record ContProp(String name, int type, String description, boolean readOnly, List<String> deprecated,
                       Map<String, Long> choices, Function<String, Object> parser, Function<Object, String> shown,
                       boolean jsonNumber) {

  /** Whether the properties hold this one. */
  public boolean isSet(ContainerProps p) {
    return raw(p) != null;
  }

  /** The raw value (Long or String), or null when unset. */
  public Object raw(ContainerProps p) {
    String s = p.string(type);
    if (s != null) {
      return s;
    }
    byte[] roots = type == io.daos.client.cont.PropType.CO_ROOTS ? p.raw(type) : null;
    if (roots != null) {
      return rootOids(roots);
    }
    long sentinel = Long.MIN_VALUE;
    long n = p.number(type, sentinel);
    return n == sentinel ? null : n;
  }

  /** DAOS's {@code StringValue()}: the text form, or {@code not set}. */
  public String text(ContainerProps p) {
    Object v = raw(p);
    return v == null ? "not set" : shown.apply(v);
  }

  /** The {@code value} DAOS's JSON carries for this property. */
  public Object json(ContainerProps p) {
    Object v = raw(p);
    if (jsonNumber) {
      long n = v instanceof Long l ? l : 0L;
      return n >= 0 ? (Object) n : new java.math.BigInteger(Long.toUnsignedString(n));
    }
    return v == null ? "not set" : shown.apply(v);
  }

  /** DAOS's root_oids text: the non-zero OIDs of {@code daos_prop_co_roots} as "hi.lo", comma separated. */
  static String rootOids(byte[] roots) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(roots).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    java.util.List<String> out = new java.util.ArrayList<>();
    while (b.remaining() >= 16) {
      long lo = b.getLong();
      long hi = b.getLong();
      if (lo != 0 || hi != 0) {
        out.add(Long.toUnsignedString(hi) + "." + Long.toUnsignedString(lo));
      }
    }
    return String.join(", ", out);
  }
}
