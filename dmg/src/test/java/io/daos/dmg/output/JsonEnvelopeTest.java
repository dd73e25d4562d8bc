package io.daos.dmg.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.output.system.LeaderQueryResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonEnvelopeTest {
  @Test
  void successHasNullErrorAndZeroStatus() {
    String out = JsonEnvelope.render(new LeaderQueryResponse("a:10001", List.of("a:10001"), null), null);
    assertEquals("""
        {
          "response": {
            "current_leader": "a:10001",
            "replicas": [
              "a:10001"
            ],
            "down_replicas": null
          },
          "error": null,
          "status": 0
        }
        """, out);
  }

  @Test
  void daosExceptionCauseGivesItsStatus() {
    RuntimeException err = new RuntimeException("system query failed",
        new DaosException(DaosStatus.NONEXIST, "pool"));
    assertEquals(-1005, JsonEnvelope.status(err));
    String out = JsonEnvelope.render(null, err);
    assertEquals("{\n  \"response\": null,\n  \"error\": \"system query failed\",\n  \"status\": -1005\n}\n", out);
  }

  @Test
  void otherErrorGivesMisc() {
    assertEquals(-1025, JsonEnvelope.status(new IllegalStateException("x")));
  }
}
