package io.daos.control;

import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Picks the answer to an MS request sent to several replicas (DAOS findMSResponse): the successful response
 * with the highest {@code data_version}; if none succeeded, the most useful error — a not-leader redirection
 * with a hint, then any redirection, then the last error received.
 */
final class MsResponses {
  private MsResponses() {
  }

  static <R> HostResponse<R> pick(List<HostResponse<R>> responses) {
    HostResponse<R> best = null;
    for (HostResponse<R> r : responses) {
      if (r.isOk() && (best == null || Long.compareUnsigned(version(r.response()), version(best.response())) > 0)) {
        best = r;
      }
    }
    if (best != null) {
      return best;
    }
    HostResponse<R> chosen = null;
    int chosenRank = -1;
    for (HostResponse<R> r : responses) {
      int rank = usefulness(r.error());
      if (rank >= chosenRank) {
        chosen = r;
        chosenRank = rank;
      }
    }
    return chosen;
  }

  private static int usefulness(Throwable err) {
    if (err instanceof NotLeaderException nl) {
      return nl.leaderHint().isEmpty() ? 2 : 3;
    }
    return err instanceof NotReplicaException ? 1 : 0;
  }

  private static long version(Object message) {
    OptionalLong v = ProtoFields.dataVersion(message);
    return v.orElse(0);
  }
}
