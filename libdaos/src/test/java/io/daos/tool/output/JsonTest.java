package io.daos.tool.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's json.MarshalIndent layout and escaping, and cmdutil's envelope. */
class JsonTest {
  @Test
  void goLayoutAndEscaping() {
    Object v = new Obj().with("s", "a<b>&\"c\"\n\t\u0001").with("empty", List.of()).with("obj", Map.of())
        .with("null", null).with("bytes", new byte[] {1, 2, 3}).with("n", 5L).with("b", true)
        .with("list", List.of(1, "x"));
    assertEquals("""
        {
          "s": "a\\u003cb\\u003e\\u0026\\"c\\"\\n\\t\\u0001",
          "empty": [],
          "obj": {},
          "null": null,
          "bytes": "AQID",
          "n": 5,
          "b": true,
          "list": [
            1,
            "x"
          ]
        }""", Json.indent(v));
  }

  @Test
  void envelopeCarriesTheDaosStatusOfTheCause() {
    RuntimeException e = CliError.wrap("failed to query pool \"p\"", new DaosException(DaosStatus.NOSPACE, "x"));
    assertEquals("""
        {
          "response": null,
          "error": "failed to query pool \\"p\\": DER_NOSPACE(-1007): No space on storage target",
          "status": -1007
        }
        """, JsonEnvelope.render(null, e));
    assertEquals(-1025, JsonEnvelope.status(CliError.of("no pool UUID or label supplied")));
  }

  @Test
  void hlcTimes() {
    assertEquals("2021-01-01 00:00:00 +0000 UTC", HlcTime.goString(0, java.time.ZoneId.of("UTC")));
    assertEquals("2021-01-01T00:00:00.000+00:00", HlcTime.iso(0, java.time.ZoneId.of("UTC")));
    assertEquals("2021-01-01 00:00:00.000000001 +0000 UTC", HlcTime.goString(16, java.time.ZoneId.of("UTC")));
  }
}
