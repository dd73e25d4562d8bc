package io.daos.server.mgmt.check;

import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The checker's repair policy per inconsistency class (DAOS {@code policyMap}): every class but CIC_NONE and
 * CIC_UNKNOWN, CIA_DEFAULT unless set. Stored in the MS as {@code CLASS:ACTION} pairs, comma-separated.
 */
final class CheckPolicies {
  private final EnumMap<CheckInconsistClass, CheckInconsistAction> map;

  private CheckPolicies(EnumMap<CheckInconsistClass, CheckInconsistAction> map) {
    this.map = map;
  }

  /** Every policy class with CIA_DEFAULT. */
  static CheckPolicies defaults() {
    EnumMap<CheckInconsistClass, CheckInconsistAction> m = new EnumMap<>(CheckInconsistClass.class);
    for (CheckInconsistClass c : policyClasses()) {
      m.put(c, CheckInconsistAction.CIA_DEFAULT);
    }
    return new CheckPolicies(m);
  }

  /** The classes a policy can be set for. */
  static List<CheckInconsistClass> policyClasses() {
    List<CheckInconsistClass> out = new ArrayList<>();
    for (CheckInconsistClass c : CheckInconsistClass.values()) {
      if (c != CheckInconsistClass.CIC_NONE && c != CheckInconsistClass.CIC_UNKNOWN
          && c != CheckInconsistClass.UNRECOGNIZED) {
        out.add(c);
      }
    }
    return out;
  }

  /** Parses the stored form; unknown names are an error. */
  static CheckPolicies decode(String stored) {
    EnumMap<CheckInconsistClass, CheckInconsistAction> m = new EnumMap<>(CheckInconsistClass.class);
    for (String pair : stored.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split(":", 2);
      if (kv.length != 2) {
        throw new IllegalStateException("stored checker policy \"" + pair + "\" is not CLASS:ACTION");
      }
      m.put(CheckInconsistClass.valueOf(kv[0].trim()), CheckInconsistAction.valueOf(kv[1].trim()));
    }
    return new CheckPolicies(m);
  }

  String encode() {
    StringBuilder b = new StringBuilder();
    map.forEach((c, a) -> b.append(b.length() == 0 ? "" : ",").append(c.name()).append(':').append(a.name()));
    return b.toString();
  }

  /** A copy with {@code policies} overriding this map's entries (DAOS mergePoliciesWithCurrent). */
  CheckPolicies merged(Collection<CheckInconsistPolicy> policies) {
    EnumMap<CheckInconsistClass, CheckInconsistAction> m = new EnumMap<>(map);
    for (CheckInconsistPolicy p : policies) {
      if (p.getInconsistCas() == CheckInconsistClass.UNRECOGNIZED
          || p.getInconsistAct() == CheckInconsistAction.UNRECOGNIZED) {
        throw new IllegalArgumentException("invalid checker policy " + p.getInconsistCasValue() + ":"
            + p.getInconsistActValue());
      }
      m.put(p.getInconsistCas(), p.getInconsistAct());
    }
    return new CheckPolicies(m);
  }

  CheckInconsistAction action(CheckInconsistClass c) {
    return map.getOrDefault(c, CheckInconsistAction.CIA_DEFAULT);
  }

  /** The policies of {@code classes} (all when empty), sorted by class as DAOS's ToSlice. */
  List<CheckInconsistPolicy> toList(Collection<CheckInconsistClass> classes) {
    List<CheckInconsistPolicy> out = new ArrayList<>();
    for (Map.Entry<CheckInconsistClass, CheckInconsistAction> e : map.entrySet()) {
      if (classes.isEmpty() || classes.contains(e.getKey())) {
        out.add(CheckInconsistPolicy.newBuilder().setInconsistCas(e.getKey()).setInconsistAct(e.getValue()).build());
      }
    }
    return out;
  }
}
