package io.daos.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEnvelopeTest {
  @Test
  void successHasNullErrorAndZeroStatus() {
    Map<String, Object> env = JsonEnvelope.of("r", null, ErrorText::message);
    assertEquals(List.of("response", "error", "status"), List.copyOf(env.keySet()));
    assertEquals(Arrays.asList("r", null, 0), new ArrayList<>(env.values()));
  }

  @Test
  void errorIsShownWithTheToolsText() {
    RuntimeException err = new RuntimeException("failed", new DaosException(DaosStatus.NOSPACE));
    Map<String, Object> env = JsonEnvelope.of(null, err, t -> "text of " + t.getMessage());
    assertEquals("text of failed", env.get("error"));
    assertEquals(-1007, env.get("status"));
  }
}
