package io.daos.common.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaosExceptionTest {
  @Test
  void callerAndContextKeepTheSuppressedReasons() {
    DaosException io = new DaosException(DaosStatus.UNREACH, "RPC to rank 1 failed");
    DaosException refresh = new DaosException(DaosStatus.UNREACH, "pool map refresh failed");
    io.addSuppressed(refresh);

    DaosException caller = io.inCaller();
    assertSame(io, caller.getCause());
    assertEquals(List.of(refresh), List.of(caller.getSuppressed()));
    assertEquals(DaosStatus.UNREACH, caller.status());

    DaosException named = io.withContext("fetch of dkey \"y\"");
    assertEquals(List.of(refresh), List.of(named.getSuppressed()));
    assertEquals("fetch of dkey \"y\": RPC to rank 1 failed", named.reason());
  }
}
