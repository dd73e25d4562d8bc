package io.daos.server.ctl;

import io.daos.common.ranklist.Rank;
import io.daos.proto.shared.RankResult;

/** RankResult construction as DAOS's system.NewMemberResult: any error makes the result errored. */
final class RankResults {
  static final String ERRORED = "errored";
  static final String UNRESPONSIVE = "unresponsive";
  static final String STOPPING = "stopping";

  private RankResults() {
  }

  /** A result in {@code state}; with {@code error} it is errored (state "errored" unless unresponsive). */
  static RankResult of(Rank rank, String error, String state) {
    RankResult.Builder b = RankResult.newBuilder().setRank(rank.toUint32()).setState(state);
    if (error != null) {
      b.setErrored(true).setMsg(error);
      if (!UNRESPONSIVE.equals(state)) {
        b.setState(ERRORED);
      }
    }
    return b.build();
  }

  static RankResult ok(Rank rank, String state, String msg) {
    return RankResult.newBuilder().setRank(rank.toUint32()).setState(state).setMsg(msg).build();
  }
}
