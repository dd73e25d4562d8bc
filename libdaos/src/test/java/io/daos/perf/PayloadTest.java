package io.daos.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadTest {
  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1, 7, 8, 15, 16, 64, 4096, 1 << 20})
  void aValueChecksAgainstItsOwnKeyOnly(int size) {
    byte[] v = Payload.value(size, 12345);
    assertNull(Payload.check(v, size, 12345));
    if (size >= 8) {
      assertTrue(Payload.check(v, size, 12346).contains("key 12346 byte 0"));
    }
    assertEquals("key 12345 read " + (size + 1) + " bytes, wrote " + size,
        Payload.check(new byte[size + 1], size, 12345));
    assertEquals("key 3 is missing", Payload.check(null, size, 3));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {16, 4096})
  void aCorruptMiddleOrTailIsFound(int size) {
    byte[] v = Payload.value(size, 9);
    v[size / 2]++;
    assertTrue(Payload.check(v, size, 9).contains("byte " + size / 2));
    byte[] w = Payload.value(size, 9);
    w[size - 1]++;
    assertTrue(Payload.check(w, size, 9).contains("byte " + (size - 1)));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {64, 4096})
  void restampingABufferGivesTheKeysValue(int size) {
    byte[] b = Payload.value(size, 1);
    Payload.stamp(b, 77);
    assertNull(Payload.check(b, size, 77));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1, 8, 16, 4096, 1 << 20})
  void aSpoiltBufferFailsTheCheckUntilTheValueIsReadIntoIt(int size) {
    byte[] b = Payload.value(size, 5);
    Payload.spoil(b, 5);
    assertTrue(Payload.check(b, size, 5) != null);
    System.arraycopy(Payload.value(size, 5), 0, b, 0, size);
    assertNull(Payload.check(b, size, 5));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1, 8, 15, 16, 4096})
  void aDirectBufferIsStampedAsAnArray(int size) {
    byte[] pattern = new byte[size];
    Payload.pattern(pattern);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(size).put(pattern).flip();
    Payload.stamp(b, 4242);
    byte[] got = new byte[size];
    b.duplicate().get(got);
    assertEquals(0, b.position());
    assertNull(Payload.check(got, size, 4242));
  }
}
