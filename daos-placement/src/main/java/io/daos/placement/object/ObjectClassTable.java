package io.daos.placement.object;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The class table of {@code src/object/obj_class_def.c} (public classes only) and its id lookups. */
final class ObjectClassTable {
  private static final int[] SHARD_GROUPS = {1, 2, 4, 6, 8, 12, 16, 32};
  private static final int[] EC_GROUPS = {1, 2, 4, 8, 12, 16, 32};
  private static final Redundancy[] RP = {Redundancy.RP_2, Redundancy.RP_3, Redundancy.RP_4, Redundancy.RP_5,
      Redundancy.RP_6};
  private static final Redundancy[] EC = {Redundancy.RS_2P1, Redundancy.RS_2P2, Redundancy.RS_4P1,
      Redundancy.RS_4P2, Redundancy.RS_4P3, Redundancy.RS_8P1, Redundancy.RS_8P2, Redundancy.RS_8P3,
      Redundancy.RS_16P1, Redundancy.RS_16P2, Redundancy.RS_16P3};

  static final List<ObjectClass> ALL = build();
  static final Map<String, ObjectClass> BY_NAME = byName(ALL);

  private ObjectClassTable() {
  }

  /** {@code oclass_ident2cl}: exact id, else (ids ≥ S1 only) same ordinal with the group count from the id. */
  static ObjectClass lookup(int id) {
    if (id == ObjectClass.UNKNOWN) {
      return null;
    }
    for (ObjectClass oc : ALL) {
      if (oc.id() == id) {
        return oc;
      }
    }
    if (Integer.compareUnsigned(id, 1 << ObjectClass.REDUN_SHIFT) < 0) {
      return null;
    }
    Redundancy r = Redundancy.ofNumber(id >>> ObjectClass.REDUN_SHIFT);
    int groups = id & ((1 << ObjectClass.REDUN_SHIFT) - 1);
    if (r == null || groups == 0 || !registered(r)) {
      return null;
    }
    return new ObjectClass(generatedName(r, groups), id, r, groups);
  }

  private static boolean registered(Redundancy r) {
    return ALL.stream().anyMatch(oc -> oc.redundancy() == r);
  }

  /** {@code daos_oclass_id2name} for a group count that has no registered name. */
  private static String generatedName(Redundancy r, int groups) {
    return prefix(r) + Integer.toUnsignedString(groups);
  }

  private static String prefix(Redundancy r) {
    if (r == Redundancy.RP_1) {
      return "S";
    }
    String ord = r.name().substring(3);
    return (r.erasureCoded() ? "EC_" : "RP_") + ord + "G";
  }

  private static List<ObjectClass> build() {
    List<ObjectClass> all = new ArrayList<>();
    addFamily(all, Redundancy.RP_1, SHARD_GROUPS);
    for (Redundancy r : RP) {
      addFamily(all, r, SHARD_GROUPS);
    }
    all.add(new ObjectClass("RP_XSF", ObjectClass.RP_XSF_ID, null, 1));
    for (Redundancy r : EC) {
      addFamily(all, r, EC_GROUPS);
    }
    return Collections.unmodifiableList(all);
  }

  private static void addFamily(List<ObjectClass> all, Redundancy r, int[] groups) {
    for (int g : groups) {
      all.add(new ObjectClass(prefix(r) + g, ObjectClass.classId(r, g), r, g));
    }
    all.add(new ObjectClass(prefix(r) + "X", ObjectClass.classId(r, ObjectClass.GROUP_MAX), r,
        ObjectClass.GROUP_MAX));
  }

  private static Map<String, ObjectClass> byName(List<ObjectClass> all) {
    Map<String, ObjectClass> m = new LinkedHashMap<>();
    all.forEach(oc -> m.put(oc.name(), oc));
    return Collections.unmodifiableMap(m);
  }
}
