package io.daos.common.build;

import java.util.function.BiPredicate;

/**
 * One compatibility rule between two versioned components: it applies when {@code self} and {@code other}
 * match (and the optional matcher agrees); it passes when {@code check} holds. A rule with
 * {@code stopOnSuccess} ends checking when it passes.
 */
public record InteropRule(Component self, Component other, String description, boolean stopOnSuccess,
    BiPredicate<VersionedComponent, VersionedComponent> check,
    BiPredicate<VersionedComponent, VersionedComponent> match) {

  /** A rule for every pair of components. */
  public static InteropRule forAll(String description, BiPredicate<VersionedComponent, VersionedComponent> check) {
    return new InteropRule(Component.ANY, Component.ANY, description, false, check, null);
  }

  public boolean matches(VersionedComponent a, VersionedComponent b) {
    if (!self.matches(a.component()) || !other.matches(b.component())) {
      return false;
    }
    return match == null || match.test(a, b);
  }
}
