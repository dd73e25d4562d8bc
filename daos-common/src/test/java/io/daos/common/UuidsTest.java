package io.daos.common;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
  private static final UUID U = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

  @Test
  void bytesAreMostSignificantFirst() {
    byte[] b = Uuids.toBytes(U);
    assertArrayEquals(new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99,
        (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff}, b);
    assertEquals(U, Uuids.fromBytes(b));
    assertEquals(ByteString.copyFrom(b), Uuids.toByteString(U));
    assertEquals(U, Uuids.fromByteString(Uuids.toByteString(U)));
  }

  @Test
  void requiredNamesWhatIsNotSixteenBytes() {
    DaosException e = assertThrows(DaosException.class,
        () -> Uuids.required(ByteString.copyFrom(new byte[3]), "pool"));
    assertEquals(DaosStatus.INVAL, e.status());
    assertTrue(e.getMessage().startsWith("pool UUID must be 16 bytes, got 3"), e.getMessage());
    assertThrows(DaosException.class, () -> Uuids.required((byte[]) null, "pool handle"));
    assertEquals(U, Uuids.required(Uuids.toBytes(U), "pool"));
    assertNull(Uuids.optional(ByteString.EMPTY, "container"));
  }
}
