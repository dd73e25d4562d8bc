package io.daos.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link DirectMemory#alias}: the same memory, from the buffer's position, without the read-only flag. */
class DirectMemoryTest {
  @Test
  void anAliasIsTheSameMemoryFromThePosition() {
    assertTrue(DirectMemory.available(), "jffi loads wherever jnr-ffi does");
    ByteBuffer b = ByteBuffer.allocateDirect(64);
    for (int i = 0; i < 64; i++) {
      b.put(i, (byte) i);
    }
    ByteBuffer ro = b.asReadOnlyBuffer().position(16).limit(48);
    ByteBuffer a = DirectMemory.alias(ro);
    assertFalse(a.isReadOnly());
    assertEquals(32, a.capacity());
    assertEquals(16, a.get(0));
    b.put(20, (byte) 99);
    assertEquals(99, a.get(4), "not a copy");
    assertThrows(IllegalArgumentException.class, () -> DirectMemory.alias(ByteBuffer.allocate(8)));
  }
}
