package io.daos.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTextTest {
  record Case(String name, Throwable error, String message, String withStatus, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    DaosException nonexist = new DaosException(DaosStatus.NONEXIST, "pool");
    return List.of(
        new Case("plain message", new IllegalStateException("x"), "x", "x", -1025),
        new Case("no message", new IllegalStateException(), "IllegalStateException", "IllegalStateException", -1025),
        new Case("daos status", nonexist, "pool: " + DaosStatus.NONEXIST, DaosStatus.NONEXIST.toString(), -1005),
        new Case("wrapped status", new RuntimeException("query failed", nonexist), "query failed", "query failed",
            -1005),
        new Case("completion of a status", new CompletionException(nonexist), nonexist.toString(),
            DaosStatus.NONEXIST.toString(), -1005)).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void texts(Case c) {
    assertEquals(c.message(), ErrorText.message(c.error()));
    assertEquals(c.withStatus(), ErrorText.withStatus(c.error()));
    assertEquals(c.status(), JsonEnvelope.status(c.error()));
  }
}
