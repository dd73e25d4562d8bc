package io.daos.server.mgmt;

import io.daos.common.Fault;
import io.daos.common.FaultCode;
import io.daos.server.system.SystemException;
import java.util.List;

/** The errors of DAOS's MS serving rules, in the typed forms the error-annotation interceptor sends. */
final class MsErrors {
  private MsErrors() {
  }

  static RuntimeException notReplica(List<String> replicas) {
    // TODO(h-common): io.daos.control.NotReplicaException once merged
    return new Fault("system", FaultCode.UNKNOWN, "not a DAOS Management Service replica (try one of "
        + String.join(",", replicas) + ")", "retry the request at one of the replicas");
  }

  static RuntimeException notLeader(String leaderHint, List<String> replicas) {
    // TODO(h-common): io.daos.control.NotLeaderException once merged
    return new io.daos.server.sysdb.NotLeaderException(leaderHint, replicas);
  }

  /** DAOS system.ErrRaftUnavail: this replica's database is not running (yet). */
  static SystemException raftUnavailable() {
    return new SystemException(SystemException.Kind.RAFT_UNAVAILABLE, "raft service unavailable (not started yet?)");
  }

  /** DAOS FaultRankAdminExcluded. */
  static Fault rankAdminExcluded(List<Integer> ranks) {
    boolean one = ranks.size() == 1;
    String list = io.daos.server.system.RankSet.of(ranks).toString();
    return new Fault("server", FaultCode.SERVER_RANK_ADMIN_EXCLUDED,
        (one ? "rank" : "ranks") + " [" + list + "] " + (one ? "is" : "are")
            + " administratively excluded and cannot be operated on by this command",
        "re-run the command without requesting the administratively excluded rank(s)");
  }

  static void checkSystem(String sys, String systemName) {
    // TODO(h-common): io.daos.control.SystemNames.check once merged
    String name = sys == null ? "" : sys;
    int dash = name.lastIndexOf('-');
    if (dash > 0 && name.substring(dash + 1).matches("\\d+\\.\\d+\\.\\d+")) {
      name = name.substring(0, dash);
    }
    if (!name.equals(systemName)) {
      throw new Fault("server", FaultCode.SERVER_WRONG_SYSTEM, "request system does not match running system ("
          + name + " != " + systemName + ")", "retry the request with the correct system name");
    }
  }
}
