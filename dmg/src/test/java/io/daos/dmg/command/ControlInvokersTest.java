package io.daos.dmg.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlInvokersTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"500ms", "30s", "2m", "1h"})
  void acceptsGoStyleDurations(String text) {
    Duration d = ControlInvokers.timeout(text);
    assertTrue(d.toMillis() > 0, text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.5s", "0s", "30", "-5s", "1d", "99999999999s", "abc"})
  void rejectsOtherTimeoutsWithWhatToDo(String text) {
    CommandError e = assertThrows(CommandError.class, () -> ControlInvokers.timeout(text));
    assertTrue(e.getMessage().contains("JDAOS_DMG_TIMEOUT") && e.getMessage().contains("such as 30s"),
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void thirtySeconds() {
    assertEquals(Duration.ofSeconds(30), ControlInvokers.timeout("30s"));
  }
}
