package io.daos.server.system;

import static io.daos.server.system.MemberState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemberStateTest {

  record Case(String name, MemberState start, Set<MemberState> expLegal) {
  }

  static List<Case> cases() {
    return List.of(
        new Case("unknown", UNKNOWN, Set.of()),
        new Case("admin excluded", ADMIN_EXCLUDED, Set.of()),
        new Case("await format", AWAIT_FORMAT, Set.of(ADMIN_EXCLUDED, CHECKER_STARTED, ERRORED, JOINED, READY,
            STARTING, STOPPED, STOPPING, UNRESPONSIVE, UNKNOWN)),
        new Case("starting", STARTING, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, ERRORED, JOINED,
            READY, STOPPED, STOPPING, UNRESPONSIVE, UNKNOWN)),
        new Case("ready", READY, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, ERRORED, JOINED,
            STARTING, STOPPED, STOPPING, UNRESPONSIVE, UNKNOWN)),
        new Case("joined", JOINED, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, ERRORED, EXCLUDED,
            STARTING, STOPPED, STOPPING, UNRESPONSIVE, UNKNOWN)),
        new Case("errored", ERRORED, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, EXCLUDED, STARTING,
            STOPPED, UNRESPONSIVE, UNKNOWN)),
        new Case("unresponsive", UNRESPONSIVE, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, ERRORED,
            EXCLUDED, STARTING, STOPPED, UNKNOWN)),
        new Case("checker", CHECKER_STARTED, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, ERRORED, EXCLUDED, STARTING,
            STOPPING, STOPPED, UNRESPONSIVE, UNKNOWN)),
        new Case("excluded", EXCLUDED, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, JOINED, CHECKER_STARTED, UNKNOWN)),
        new Case("stopping", STOPPING, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, ERRORED, EXCLUDED,
            JOINED, READY, STARTING, STOPPED, UNRESPONSIVE, UNKNOWN)),
        new Case("stopped", STOPPED, Set.of(ADMIN_EXCLUDED, AWAIT_FORMAT, CHECKER_STARTED, ERRORED, EXCLUDED,
            JOINED, READY, STARTING, STOPPING, UNRESPONSIVE, UNKNOWN)));
  }

  /** TestSystem_MemberState_isTransitionIllegal: every start state against every end state. */
  static Stream<Arguments> transitions() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : cases()) {
      for (MemberState end : EnumSet.allOf(MemberState.class)) {
        out.add(Arguments.of(c.name() + "/" + c.start() + " -> " + end, c.start(), end,
            !c.expLegal().contains(end)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitions")
  void TestSystem_MemberState_isTransitionIllegal(String name, MemberState start, MemberState end, boolean exp) {
    assertEquals(exp, start.isTransitionIllegal(end));
  }

  @Test
  void TestSystem_Member_Stringify() {
    List<MemberState> states = List.of(UNKNOWN, AWAIT_FORMAT, STARTING, READY, JOINED, STOPPING, STOPPED,
        EXCLUDED, ERRORED, UNRESPONSIVE, ADMIN_EXCLUDED);
    List<String> strs = List.of("Unknown", "AwaitFormat", "Starting", "Ready", "Joined", "Stopping", "Stopped",
        "Excluded", "Errored", "Unresponsive", "AdminExcluded");
    for (int i = 0; i < states.size(); i++) {
      assertEquals(strs.get(i), states.get(i).tableString());
      assertEquals(strs.get(i).toLowerCase(), states.get(i).jsonString());
      assertEquals(states.get(i), MemberState.fromString(strs.get(i).toLowerCase()));
    }
    assertEquals(UNKNOWN, MemberState.fromString("bogus"));
  }

  @Test
  void masks() {
    assertEquals(0x8, JOINED.mask());
    assertEquals(0x400, CHECKER_STARTED.mask());
    assertEquals(0x241, EXCLUDED_FILTER);
    assertEquals(0xC, AVAILABLE_FILTER);
    assertEquals(JOINED, MemberState.fromMask(0x8));
    assertEquals(ALL_FILTER, MemberState.maskOf());
    assertEquals(true, UNKNOWN.matches(ALL_FILTER));
    assertEquals(false, UNKNOWN.matches(AVAILABLE_FILTER));
  }
}
