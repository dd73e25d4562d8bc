package io.daos.tool;

import io.daos.common.status.DaosStatus;
import io.daos.tool.output.ErrorText;

/** The "what to do" line printed after an error: a hint for the status, else libdaos's own explanation. */
final class Hints {
  private Hints() {
  }

  static String of(Throwable e) {
    DaosStatus s = ErrorText.statusOf(e);
    if (s == null) {
      return null;
    }
    String hint = byStatus(s);
    if (hint != null) {
      return hint;
    }
    String detail = ErrorText.detail(e);
    String suffix = ": " + s;
    if (detail != null && detail.endsWith(suffix) && detail.length() > suffix.length()) {
      return detail.substring(0, detail.length() - suffix.length());
    }
    return null;
  }

  private static String byStatus(DaosStatus s) {
    return switch (s) {
      case NONEXIST -> "check the name or UUID: 'dmg pool list' lists pools, 'daos pool list-cont <pool>' lists "
          + "containers, 'daos container list-attr <pool> <cont>' lists attributes";
      case EXIST -> "choose another label, or destroy the existing entity first";
      case NO_PERM -> "check the pool or container ACL ('dmg pool get-acl', 'daos container get-acl') or run as "
          + "the owner";
      case UNREACH, TIMEDOUT, HG -> "check that daos_agent and the servers are running ('dmg system query') and "
          + "that DAOS_AGENT_DRPC_DIR points at the agent's socket directory";
      default -> null;
    };
  }
}
