package io.daos.server.mgmt.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MsContextTest {
  private static final Duration MAX = Duration.ofMinutes(2);

  @Test
  void noCallerDeadlineGivesTheFanoutItsMaximum() {
    assertEquals(MAX, MsContext.callBudget(MAX, Optional.empty()));
  }

  @Test
  void longCallerDeadlineIsCappedAtTheMaximum() {
    assertEquals(MAX, MsContext.callBudget(MAX, Optional.of(Duration.ofMinutes(5))));
  }

  @Test
  void shortCallerDeadlineLeavesTimeToAnswer() {
    assertEquals(Duration.ofSeconds(27), MsContext.callBudget(MAX, Optional.of(Duration.ofSeconds(30))));
  }

  @Test
  void expiredCallerDeadlineGivesNoTime() {
    assertEquals(Duration.ZERO, MsContext.callBudget(MAX, Optional.of(Duration.ofSeconds(-1))));
  }
}
