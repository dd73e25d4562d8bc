package io.daos.server.mgmt.svc;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.ranklist.RankSet;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.daos.control.server.SystemNames;
import io.daos.server.system.SystemException;
import java.util.List;

/** The errors of DAOS's MS serving rules, in the typed forms the error-annotation interceptor sends. */
public final class MsErrors {
  private MsErrors() {
  }

  public static RuntimeException notReplica(List<String> replicas) {
    return new NotReplicaException(replicas);
  }

  public static RuntimeException notLeader(String leaderHint, List<String> replicas) {
    return new NotLeaderException(leaderHint, replicas);
  }

  /** DAOS system.ErrRaftUnavail: this replica's database is not running (yet). */
  public static SystemException raftUnavailable() {
    return new SystemException(SystemException.Kind.RAFT_UNAVAILABLE, "raft service unavailable (not started yet?)");
  }

  /**
   * DAOS system.ErrUninitialized (not retried by clients), as a fault that says what to do: this replica's storage
   * has not been formatted, so the MS database cannot start.
   */
  public static Fault uninitialized() {
    return new Fault("system", FaultCode.SYSTEM_UNKNOWN, io.daos.control.errors.MsErrors.UNINITIALIZED, "format the storage of the servers with "
        + "`dmg storage format` (see `dmg storage scan` first); the system starts once the MS replicas are formatted");
  }

  /** DAOS FaultRankAdminExcluded. */
  public static Fault rankAdminExcluded(List<Integer> ranks) {
    boolean one = ranks.size() == 1;
    String list = RankSet.ofInts(ranks).toString();
    return new Fault("server", FaultCode.SERVER_RANK_ADMIN_EXCLUDED,
        (one ? "rank" : "ranks") + " [" + list + "] " + (one ? "is" : "are")
            + " administratively excluded and cannot be operated on by this command",
        "re-run the command without requesting the administratively excluded rank(s)");
  }

  /** @throws Fault SERVER_WRONG_SYSTEM */
  static void checkSystem(String sys, String systemName) {
    SystemNames.check(sys == null ? "" : sys, systemName);
  }
}
