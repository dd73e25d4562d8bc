package io.daos.server.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.daos.proto.shared.RankResult;
import io.daos.server.system.Member;
import io.daos.server.system.Membership;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** DAOS's checkRankResults / checkMembers / CmpErr for the MgmtSvc tests. */
public final class MgmtAsserts {
  private MgmtAsserts() {
  }

  public static void checkRankResults(List<RankResult> exp, List<RankResult> got) {
    Comparator<RankResult> byRank = Comparator.comparingInt(RankResult::getRank);
    assertEquals(exp.stream().sorted(byRank).toList(), got.stream().sorted(byRank).toList(), "rank results");
  }

  public static void checkMembers(List<Member> exp, Membership ms) {
    assertEquals(exp.size(), ms.members().size(), "unexpected number of members");
    for (Member em : exp) {
      Member am = ms.get(em.rank());
      assertEquals(em.withLastUpdate(Instant.EPOCH), am.withLastUpdate(Instant.EPOCH), "member " + em.rank());
    }
  }

  /** Runs {@code call}; with {@code expErr} non-null it must fail with a message containing it. */
  public static <T> T call(String expErr, java.util.function.Supplier<T> call) {
    try {
      T got = call.get();
      if (expErr != null) {
        fail("expected error containing \"" + expErr + "\", got " + got);
      }
      return got;
    } catch (RuntimeException e) {
      if (expErr == null) {
        throw e;
      }
      String msg = String.valueOf(e.getMessage());
      assertTrue(msg.contains(expErr), "expected error containing \"" + expErr + "\", got: " + msg);
      return null;
    }
  }
}
