package io.daos.control.h2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC's HTTP/2 conventions as {@link GrpcWire} writes and reads them, and the choice of transport. */
class GrpcWireTest {
  @Test
  void timeoutUsesAtMostEightDigits() {
    assertEquals("1n", GrpcWire.timeout(0));
    assertEquals("99999999n", GrpcWire.timeout(99_999_999L));
    assertEquals("100000u", GrpcWire.timeout(100_000_000L));
    assertEquals("300000m", GrpcWire.timeout(300_000_000_000L)); // dmg's 5-minute default
    assertEquals("100000S", GrpcWire.timeout(100_000_000_000_000L));
  }

  @Test
  void statusFromTrailers() {
    Status s = GrpcWire.status(List.of(new String[] {"grpc-status", "9"},
        new String[] {"grpc-message", "busy%3A 100%25 %C2%ABfull%C2%BB %zz"}));
    assertEquals(Status.Code.FAILED_PRECONDITION, s.getCode());
    assertEquals("busy: 100% «full» %zz", s.getDescription());
    assertEquals(Status.Code.UNKNOWN, GrpcWire.status(List.of()).getCode());
    assertEquals(Status.Code.UNIMPLEMENTED, GrpcWire.status(List.<String[]>of(new String[] {":status", "404"}))
        .getCode());
    assertEquals(Status.Code.UNAVAILABLE, GrpcWire.resetStatus(H2Error.REFUSED_STREAM).getCode());
    assertEquals(Status.Code.CANCELLED, GrpcWire.resetStatus(H2Error.CANCEL).getCode());
  }

  @Test
  void transportChoice() {
    assertTrue(H2cChannel.chosen(null, false), "dmg (no netty): h2c");
    assertFalse(H2cChannel.chosen("", true), "daemons (netty): grpc-java");
    assertTrue(H2cChannel.chosen("H2C", true));
    assertFalse(H2cChannel.chosen("okhttp", false));
    assertFalse(H2cChannel.chosen("grpc-java", false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> H2cChannel.chosen("tls", false));
    assertTrue(e.getMessage().contains("JDAOS_GRPC_TRANSPORT=tls") && e.getMessage().contains("grpc-java"),
        e.getMessage());
  }
}
