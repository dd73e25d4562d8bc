package io.daos.common.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DAOS's component interoperability rules (build/interop.go): equal versions are always compatible;
 * otherwise custom rules, then the defaults, are applied in order:
 * <ol>
 *   <li>server (self) with agent (other): same major and at most {@value #MAX_MINOR_DELTA} minor versions apart;
 *       if this holds, checking stops;</li>
 *   <li>nothing at or above 2.0.0 works with anything below 2.0.0;</li>
 *   <li>otherwise the same major.minor version ("patch compatible").</li>
 * </ol>
 */
public final class Interop {
  public static final int MAX_MINOR_DELTA = 2;
  private static final Version V2_0_0 = new Version(2, 0, 0);

  private static final List<InteropRule> DEFAULT_RULES = List.of(
      new InteropRule(Component.SERVER, Component.AGENT, "server and agent must be within 2 minor versions", true,
          (s, o) -> s.version().majorDelta(o.version()) == 0
              && s.version().minorDelta(o.version()) <= MAX_MINOR_DELTA, null),
      InteropRule.forAll("no backward compatibility prior to 2.0.0",
          (s, o) -> !(s.version().compareTo(V2_0_0) >= 0 && o.version().lessThan(V2_0_0))),
      InteropRule.forAll("standard DAOS compatibility", (s, o) -> s.version().patchCompatible(o.version())));

  private Interop() {
  }

  /**
   * Checks that {@code self} may talk to {@code other}.
   *
   * @throws IncompatibleComponentsException naming the failed rule and both components
   */
  public static void checkCompatibility(VersionedComponent self, VersionedComponent other,
      InteropRule... customRules) {
    if (self == null || other == null) {
      throw new IllegalArgumentException("nil components");
    }
    if (self.version().equals(other.version())) {
      return;
    }
    List<InteropRule> rules = new ArrayList<>(Arrays.asList(customRules));
    rules.addAll(DEFAULT_RULES);
    for (InteropRule rule : rules) {
      if (!rule.matches(self, other)) {
        continue;
      }
      if (!rule.check().test(self, other)) {
        throw new IncompatibleComponentsException(rule.description(), self, other);
      }
      if (rule.stopOnSuccess()) {
        return;
      }
    }
  }

  public static boolean isCompatible(VersionedComponent self, VersionedComponent other) {
    try {
      checkCompatibility(self, other);
      return true;
    } catch (IncompatibleComponentsException e) {
      return false;
    }
  }
}
