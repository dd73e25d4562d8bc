package io.daos.client.cont;

import io.daos.client.rpc.Ids;
import io.daos.proto.pool.Prop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Container properties ({@code daos_prop_t}) by type number; numbers and strings as DAOS encodes them. Immutable;
 * {@code with*} return copies.
 */
public final class ContainerProps {
  private static final ContainerProps EMPTY = new ContainerProps(Map.of(), Map.of(), Map.of());

  private final Map<Integer, Long> nums;
  private final Map<Integer, String> strs;
  private final Map<Integer, byte[]> raws;

  private ContainerProps(Map<Integer, Long> nums, Map<Integer, String> strs, Map<Integer, byte[]> raws) {
    this.nums = Collections.unmodifiableMap(new TreeMap<>(nums));
    this.strs = Collections.unmodifiableMap(new TreeMap<>(strs));
    this.raws = Collections.unmodifiableMap(new TreeMap<>(raws));
  }

  public static ContainerProps empty() {
    return EMPTY;
  }

  public ContainerProps withNumber(int type, long value) {
    Map<Integer, Long> n = new TreeMap<>(nums);
    n.put(type, value);
    return new ContainerProps(n, strs, raws);
  }

  public ContainerProps withString(int type, String value) {
    Map<Integer, String> s = new TreeMap<>(strs);
    s.put(type, value);
    return new ContainerProps(nums, s, raws);
  }

  /** A property whose value is a byte string ({@code DAOS_PROP_CO_ROOTS}, the ACL). */
  public ContainerProps withRaw(int type, byte[] value) {
    Map<Integer, byte[]> r = new TreeMap<>(raws);
    r.put(type, value.clone());
    return new ContainerProps(nums, strs, r);
  }

  /** A byte-string property, or null. */
  public byte[] raw(int type) {
    byte[] v = raws.get(type);
    return v == null ? null : v.clone();
  }

  public ContainerProps withLabel(String label) {
    Ids.checkLabel(label);
    return withString(PropType.CO_LABEL, label);
  }

  /** {@code layout_type}: one of the {@code PropType.LAYOUT_*} values. */
  public ContainerProps withLayoutType(int layout) {
    return withNumber(PropType.CO_LAYOUT_TYPE, layout);
  }

  /** {@code rd_fac}: 0..4. */
  public ContainerProps withRedundancyFactor(int rf) {
    if (rf < 0 || rf > 4) {
      throw new IllegalArgumentException("rd_fac must be 0..4, got " + rf);
    }
    return withNumber(PropType.CO_REDUN_FAC, rf);
  }

  /** {@code rd_lvl}: {@code PropType.REDUN_LVL_RANK} or {@code REDUN_LVL_NODE}. */
  public ContainerProps withRedundancyLevel(int lvl) {
    return withNumber(PropType.CO_REDUN_LVL, lvl);
  }

  /** A number property, or {@code dflt}. */
  public long number(int type, long dflt) {
    return nums.getOrDefault(type, dflt);
  }

  /** A string property, or null. */
  public String string(int type) {
    return strs.get(type);
  }

  public String label() {
    return strs.getOrDefault(PropType.CO_LABEL, "");
  }

  public int redundancyFactor() {
    return (int) number(PropType.CO_REDUN_FAC, 0);
  }

  public int layoutType() {
    return (int) number(PropType.CO_LAYOUT_TYPE, PropType.LAYOUT_UNKNOWN);
  }

  public int redundancyLevel() {
    return (int) number(PropType.CO_REDUN_LVL, PropType.REDUN_LVL_NODE);
  }

  public List<Prop> toProto() {
    List<Prop> l = new ArrayList<>();
    nums.forEach((t, v) -> l.add(Prop.newBuilder().setType(t).setNum(v).build()));
    strs.forEach((t, v) -> l.add(Prop.newBuilder().setType(t).setStr(v).build()));
    raws.forEach((t, v) -> l.add(Prop.newBuilder().setType(t).setRaw(com.google.protobuf.ByteString.copyFrom(v))
        .build()));
    return l;
  }

  public static ContainerProps fromProto(List<Prop> props) {
    ContainerProps p = EMPTY;
    for (Prop x : props) {
      if (x.hasNum()) {
        p = p.withNumber(x.getType(), x.getNum());
      } else if (x.hasStr()) {
        p = p.withString(x.getType(), x.getStr());
      } else if (x.hasRaw()) {
        p = p.withRaw(x.getType(), x.getRaw().toByteArray());
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return "ContainerProps" + nums + strs + (raws.isEmpty() ? "" : raws.keySet());
  }
}
