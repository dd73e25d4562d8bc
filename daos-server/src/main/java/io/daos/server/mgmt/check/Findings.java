package io.daos.server.mgmt.check;

import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.CheckReport;
import java.util.ArrayList;
import java.util.List;

/**
 * DAOS's finding annotation ({@code system/checker/finding.go} AnnotateFinding and GetActionMsg): trims the
 * report's strings, pads the details to the choices, and gives every choice (or the action taken) a message.
 */
final class Findings {
  private Findings() {
  }

  static CheckReport annotate(CheckReport in) {
    CheckReport.Builder b = trimmed(in);
    while (b.getActChoicesCount() > 0 && b.getActDetailsCount() < b.getActChoicesCount()) {
      b.addActDetails("");
    }
    if (b.getActMsgsCount() == 0) {
      List<String> details = new ArrayList<>(List.of(b.getPoolUuid(), b.getContUuid()));
      details.addAll(b.getActDetailsList());
      if (b.getActChoicesCount() > 0) {
        b.getActChoicesList().forEach(a -> b.addActMsgs(actionMsg(b.getClass_(), a, details)));
      } else {
        b.addActMsgs(actionMsg(b.getClass_(), b.getAction(), details));
      }
    }
    if (b.getMsg().isEmpty()) {
      b.setMsg("Inconsistency found: " + b.getClass_().name() + " (details: " + b.getActDetailsList() + ")");
    }
    return b.build();
  }

  private static CheckReport.Builder trimmed(CheckReport in) {
    CheckReport.Builder b = in.toBuilder().setPoolUuid(in.getPoolUuid().strip()).setPoolLabel(in.getPoolLabel().strip())
        .setContUuid(in.getContUuid().strip()).setContLabel(in.getContLabel().strip()).setMsg(in.getMsg().strip())
        .setTimestamp(in.getTimestamp().strip()).clearActDetails().clearActMsgs();
    in.getActDetailsList().forEach(d -> b.addActDetails(d.strip()));
    in.getActMsgsList().forEach(m -> b.addActMsgs(m.strip()));
    return b;
  }

  /** The object a class is about, as DAOS names it in messages. */
  static String object(CheckInconsistClass c) {
    int n = c.getNumber();
    if (n >= 1 && n <= 7) {
      return "pool";
    }
    if (n >= 11 && n <= 12) {
      return "container";
    }
    return n >= 8 && n <= 10 ? "target" : "other";
  }

  static String actionMsg(CheckInconsistClass cls, CheckInconsistAction act, List<String> details) {
    String ro = object(cls);
    String d0 = details.isEmpty() ? "" : details.get(0);
    String d1 = details.size() < 2 ? "" : details.get(1);
    return switch (act) {
      case CIA_IGNORE -> "Ignore the " + ro + " finding";
      case CIA_DISCARD -> "Discard the " + ro;
      case CIA_READD -> "Re-add the " + ro;
      case CIA_TRUST_MS -> trustMs(cls, ro, d0);
      case CIA_TRUST_PS -> trustPs(cls, ro, d0, d1);
      case CIA_TRUST_TARGET -> cls == CheckInconsistClass.CIC_CONT_BAD_LABEL
          ? "Update the CS label to use the container property value for " + d1 : "Trust the " + ro + " result";
      case CIA_TRUST_MAJORITY -> "Trust the majority of the " + ro + " results";
      case CIA_TRUST_LATEST -> "Trust the latest " + ro + " result";
      case CIA_TRUST_OLDEST -> "Trust the oldest " + ro + " result";
      case CIA_TRUST_EC_PARITY -> "Trust the parity of the " + ro + " results";
      case CIA_TRUST_EC_DATA -> "Trust the data of the " + ro + " results";
      case CIA_STALE -> "Current checker instance cannot act on this finding. Restart checker against the pool to "
          + "handle the inconsistency.";
      default -> ro + ": " + act.name() + " (details: " + details + ")";
    };
  }

  private static String trustMs(CheckInconsistClass cls, String ro, String d0) {
    if (!ro.equals("pool")) {
      return "Trust the MS " + ro + " entry";
    }
    return switch (cls) {
      case CIC_POOL_NONEXIST_ON_MS -> "Reclaim the orphaned pool storage for " + d0;
      case CIC_POOL_BAD_LABEL -> "Reset the pool property using the MS label for " + d0;
      default -> "Trust the MS pool entry for " + d0;
    };
  }

  private static String trustPs(CheckInconsistClass cls, String ro, String d0, String d1) {
    return switch (cls) {
      case CIC_POOL_NONEXIST_ON_MS -> "Recreate the MS pool entry for " + d0;
      case CIC_POOL_NONEXIST_ON_ENGINE -> "Remove the MS pool entry for " + d0;
      case CIC_POOL_BAD_LABEL -> "Update the MS label to use the pool property value for " + d0;
      case CIC_CONT_BAD_LABEL -> "Reset the container property using the PS label for " + d1;
      default -> "Trust the PS " + ro + " entry";
    };
  }
}
