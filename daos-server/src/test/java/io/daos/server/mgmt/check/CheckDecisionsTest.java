package io.daos.server.mgmt.check;

import static io.daos.proto.chk.CheckInconsistAction.CIA_DEFAULT;
import static io.daos.proto.chk.CheckInconsistAction.CIA_DISCARD;
import static io.daos.proto.chk.CheckInconsistAction.CIA_IGNORE;
import static io.daos.proto.chk.CheckInconsistAction.CIA_INTERACT;
import static io.daos.proto.chk.CheckInconsistAction.CIA_READD;
import static io.daos.proto.chk.CheckInconsistAction.CIA_TRUST_MS;
import static io.daos.proto.chk.CheckInconsistAction.CIA_TRUST_PS;
import static io.daos.proto.chk.CheckInconsistClass.CIC_POOL_BAD_LABEL;
import static io.daos.proto.chk.CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE;
import static io.daos.proto.chk.CheckInconsistClass.CIC_POOL_NONEXIST_ON_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.proto.chk.CheckInconsistAction;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The check leader's action per class and policy, as chk_leader.c chooses. */
class CheckDecisionsTest {
  static final UUID P = UUID.randomUUID();
  static final Inconsistency DANGLING = new Inconsistency(CIC_POOL_NONEXIST_ON_ENGINE, P, "a", null, List.of(0),
      List.of());
  static final Inconsistency ORPHAN = new Inconsistency(CIC_POOL_NONEXIST_ON_MS, P, null, "a", List.of(0),
      List.of(0, 1));
  static final Inconsistency ORPHAN_NO_PS = new Inconsistency(CIC_POOL_NONEXIST_ON_MS, P, null, null, List.of(),
      List.of(1));
  static final Inconsistency LABEL = new Inconsistency(CIC_POOL_BAD_LABEL, P, "ms", "ps", List.of(0), List.of(0));
  static final Inconsistency NO_MS_LABEL = new Inconsistency(CIC_POOL_BAD_LABEL, P, "", "ps", List.of(0),
      List.of(0));

  record Case(String name, Inconsistency inc, CheckInconsistAction policy, boolean auto,
      CheckInconsistAction want, List<CheckInconsistAction> options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("dangling default discards", DANGLING, CIA_DEFAULT, false, CIA_DISCARD, List.of()),
        new Case("dangling trust PS discards", DANGLING, CIA_TRUST_PS, false, CIA_DISCARD, List.of()),
        new Case("dangling interact", DANGLING, CIA_INTERACT, false, CIA_INTERACT, List.of(CIA_DISCARD, CIA_IGNORE)),
        new Case("dangling interact with auto ignores", DANGLING, CIA_INTERACT, true, CIA_IGNORE, List.of()),
        new Case("dangling inapplicable action interacts", DANGLING, CIA_READD, false, CIA_INTERACT,
            List.of(CIA_DISCARD, CIA_IGNORE)),
        new Case("orphan default re-adds", ORPHAN, CIA_DEFAULT, false, CIA_READD, List.of()),
        new Case("orphan trust MS discards", ORPHAN, CIA_TRUST_MS, false, CIA_DISCARD, List.of()),
        new Case("orphan interact", ORPHAN, CIA_INTERACT, false, CIA_INTERACT,
            List.of(CIA_READD, CIA_DISCARD, CIA_IGNORE)),
        new Case("orphan without pool service interacts", ORPHAN_NO_PS, CIA_DEFAULT, false, CIA_INTERACT,
            List.of(CIA_DISCARD, CIA_IGNORE)),
        new Case("label default trusts MS", LABEL, CIA_DEFAULT, false, CIA_TRUST_MS, List.of()),
        new Case("label default without MS label trusts PS", NO_MS_LABEL, CIA_DEFAULT, false, CIA_TRUST_PS,
            List.of()),
        new Case("label trust PS", LABEL, CIA_TRUST_PS, false, CIA_TRUST_PS, List.of()),
        new Case("label interact suggests MS", LABEL, CIA_INTERACT, false, CIA_INTERACT,
            List.of(CIA_TRUST_MS, CIA_TRUST_PS, CIA_IGNORE)),
        new Case("label interact without MS label suggests PS", NO_MS_LABEL, CIA_INTERACT, false, CIA_INTERACT,
            List.of(CIA_TRUST_PS, CIA_TRUST_MS, CIA_IGNORE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    Decision d = CheckDecisions.decide(c.inc(), c.policy(), c.auto());
    assertEquals(c.want(), d.action());
    assertEquals(c.options(), d.options());
    assertEquals(c.options().size(), d.details().size());
  }

  @Test
  void messagesNameTheInconsistencyAsDaosDoes() {
    assertEquals("Check leader detects dangling pool.", CheckDecisions.decide(DANGLING, CIA_DEFAULT, false).msg());
    assertEquals("Check leader detects orphan pool.", CheckDecisions.decide(ORPHAN, CIA_DEFAULT, false).msg());
    assertEquals("Check leader detects corrupted pool label: ms (MS) vs ps (PS).",
        CheckDecisions.decide(LABEL, CIA_DEFAULT, false).msg());
    assertEquals(List.of("Trust MS pool label: ms [suggested].", "Trust PS pool label: ps.",
        "Keep the inconsistent pool label: ms (MS) vs ps (PS), repair nothing."),
        CheckDecisions.decide(LABEL, CIA_INTERACT, false).details());
  }
}
