package io.daos.server.mgmt.check;

import static io.daos.proto.chk.CheckInconsistAction.CIA_DISCARD;
import static io.daos.proto.chk.CheckInconsistAction.CIA_IGNORE;
import static io.daos.proto.chk.CheckInconsistAction.CIA_INTERACT;
import static io.daos.proto.chk.CheckInconsistAction.CIA_READD;
import static io.daos.proto.chk.CheckInconsistAction.CIA_TRUST_MS;
import static io.daos.proto.chk.CheckInconsistAction.CIA_TRUST_PS;

import io.daos.proto.chk.CheckInconsistAction;
import java.util.List;

/**
 * The check leader's choice per inconsistency class and policy, as DAOS's {@code chk_leader_dangling_pool},
 * {@code chk_leader_orphan_pool} and {@code chk_leader_handle_pool_label}: the policy's action when it applies to
 * the class, CIA_DEFAULT's documented choice, and otherwise interaction (or, with the auto flag, ignoring it).
 */
final class CheckDecisions {
  private CheckDecisions() {
  }

  static Decision decide(Inconsistency inc, CheckInconsistAction policy, boolean auto) {
    return switch (inc.cls()) {
      case CIC_POOL_NONEXIST_ON_ENGINE -> dangling(inc, policy, auto);
      case CIC_POOL_NONEXIST_ON_MS -> orphan(inc, policy, auto);
      case CIC_POOL_BAD_LABEL -> badLabel(inc, policy, auto);
      default -> throw new IllegalArgumentException("no pool-list decision for " + inc.cls());
    };
  }

  /** Default: de-register the dangling pool from the MS. */
  static Decision dangling(Inconsistency inc, CheckInconsistAction policy, boolean auto) {
    String msg = "Check leader detects dangling pool.";
    String label = inc.msLabel();
    return switch (policy) {
      case CIA_DEFAULT, CIA_DISCARD, CIA_TRUST_PS -> done(CIA_DISCARD, msg, label);
      case CIA_IGNORE -> done(CIA_IGNORE, msg, label);
      default -> auto ? done(CIA_IGNORE, msg, label) : new Decision(CIA_INTERACT, List.of(CIA_DISCARD, CIA_IGNORE),
          List.of("Discard the dangling pool entry from MS [suggested].",
              "Keep the dangling pool entry on MS, repair nothing."), msg, label);
    };
  }

  /** Default: re-register the orphan pool in the MS if its service answered; without one it can only be destroyed. */
  static Decision orphan(Inconsistency inc, CheckInconsistAction policy, boolean auto) {
    String msg = "Check leader detects orphan pool.";
    String label = inc.psLabel();
    return switch (policy) {
      case CIA_DEFAULT, CIA_READD, CIA_TRUST_PS -> inc.psFound() ? done(CIA_READD, msg, label)
          : orphanInteract(inc, auto, msg, label);
      case CIA_DISCARD, CIA_TRUST_MS -> done(CIA_DISCARD, msg, label);
      case CIA_IGNORE -> done(CIA_IGNORE, msg, label);
      default -> orphanInteract(inc, auto, msg, label);
    };
  }

  private static Decision orphanInteract(Inconsistency inc, boolean auto, String msg, String label) {
    if (auto) {
      return done(CIA_IGNORE, msg, label);
    }
    if (!inc.psFound()) {
      return new Decision(CIA_INTERACT, List.of(CIA_DISCARD, CIA_IGNORE),
          List.of("Destroy the orphan pool to release space [suggested].",
              "Keep the orphan pool entry on engines, repair nothing."), msg, label);
    }
    return new Decision(CIA_INTERACT, List.of(CIA_READD, CIA_DISCARD, CIA_IGNORE),
        List.of("Re-add the orphan pool back to MS [suggested].", "Destroy the orphan pool to release space.",
            "Keep the orphan pool entry on engines, repair nothing."), msg, label);
  }

  /** Default: trust the MS's label (it is what label lookups use) unless the MS has none. */
  static Decision badLabel(Inconsistency inc, CheckInconsistAction policy, boolean auto) {
    String ms = orNull(inc.msLabel());
    String ps = orNull(inc.psLabel());
    String msg = "Check leader detects corrupted pool label: " + ms + " (MS) vs " + ps + " (PS).";
    boolean msHas = inc.msLabel() != null && !inc.msLabel().isEmpty();
    String kept = msHas ? inc.msLabel() : inc.psLabel();
    return switch (policy) {
      case CIA_DEFAULT -> msHas ? done(CIA_TRUST_MS, msg, inc.msLabel()) : done(CIA_TRUST_PS, msg, inc.psLabel());
      case CIA_TRUST_MS -> done(CIA_TRUST_MS, msg, inc.msLabel());
      case CIA_TRUST_PS -> done(CIA_TRUST_PS, msg, inc.psLabel());
      case CIA_IGNORE -> done(CIA_IGNORE, msg, kept);
      default -> auto ? done(CIA_IGNORE, msg, kept) : labelInteract(msHas, ms, ps, msg, kept);
    };
  }

  private static Decision labelInteract(boolean msHas, String ms, String ps, String msg, String label) {
    String keep = "Keep the inconsistent pool label: " + ms + " (MS) vs " + ps + " (PS), repair nothing.";
    if (!msHas) {
      return new Decision(CIA_INTERACT, List.of(CIA_TRUST_PS, CIA_TRUST_MS, CIA_IGNORE),
          List.of("Trust PS pool label: " + ps + " [suggested].", "Trust MS pool label: (null).", keep), msg, label);
    }
    return new Decision(CIA_INTERACT, List.of(CIA_TRUST_MS, CIA_TRUST_PS, CIA_IGNORE),
        List.of("Trust MS pool label: " + ms + " [suggested].", "Trust PS pool label: " + ps + ".", keep), msg,
        label);
  }

  private static Decision done(CheckInconsistAction action, String msg, String label) {
    return new Decision(action, List.of(), List.of(), msg, label);
  }

  private static String orNull(String s) {
    return s == null || s.isEmpty() ? "(null)" : s;
  }
}
