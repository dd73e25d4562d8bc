package io.daos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

public final class StatusRuntimeExceptionCheck {
  private StatusRuntimeExceptionCheck() {
  }

  public static void assertCode(Status.Code code, Throwable t) {
    assertTrue(t instanceof StatusRuntimeException, "not a status exception: " + t);
    assertEquals(code, ((StatusRuntimeException) t).getStatus().getCode());
  }
}
