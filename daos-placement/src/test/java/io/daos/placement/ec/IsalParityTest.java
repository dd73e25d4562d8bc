package io.daos.placement.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.ffi.IsalEc;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pure-Java codec against ISA-L, byte for byte: the field, DAOS's encode matrix, the decode plans, parity and
 * rebuilt cells. Where ISA-L is absent each test checks the fallback instead, or fails under
 * {@code JDAOS_REQUIRE_ISAL=1} ({@link IsalPresence}).
 */
class IsalParityTest {
  static Stream<Layout> layouts() {
    return Layout.all();
  }

  @Test
  void fieldMatchesIsal() {
    if (!IsalPresence.present()) {
      return;
    }
    for (int a = 0; a < 256; a++) {
      assertEquals(IsalEc.inv(a), Gf256.inv(a), "inv " + a);
      for (int b = 0; b < 256; b++) {
        assertEquals(IsalEc.mul(a, b), Gf256.mul(a, b), a + " * " + b);
      }
    }
  }

  /** Every k and p that DAOS's EC classes use (k 2..16, p 1..3, p ≤ k) and the codec limits. */
  @Test
  void encodeMatrixMatchesIsal() {
    if (!IsalPresence.present()) {
      return;
    }
    for (int k = 2; k <= EcCodecs.MAX_K; k++) {
      for (int p = 1; p <= Math.min(k, EcCodecs.MAX_P); p++) {
        assertArrayEquals(IsalEc.cauchy1Matrix(k + p, k), GfMatrix.cauchy1(k + p, k), k + "+" + p);
        assertArrayEquals(EcCodecs.isal(k, p).encodeMatrix(), EcCodecs.java(k, p).encodeMatrix());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void decodePlansMatchIsal(Layout l) {
    if (!IsalPresence.present()) {
      return;
    }
    byte[] m = GfMatrix.cauchy1(l.cells(), l.k());
    for (int[] lost : l.losses()) {
      DecodePlan isal = DecodePlan.of(m, l.k(), lost, IsalEc::invert);
      DecodePlan java = DecodePlan.of(m, l.k(), lost, GfMatrix::invert);
      assertArrayEquals(isal.survivors(), java.survivors());
      assertArrayEquals(isal.rows(), java.rows(), () -> "lost " + Arrays.toString(lost));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void parityIsByteIdentical(Layout l) {
    if (!IsalPresence.present()) {
      return;
    }
    for (int len : new int[] {128 << 10, 4096, 1000, 32, 7}) {
      byte[][] data = l.randomData(len, 1000L * l.k() + l.p() + len);
      byte[][] java = new byte[l.p()][len];
      byte[][] isal = new byte[l.p()][len];
      EcCodecs.java(l.k(), l.p()).encode(data, java);
      EcCodecs.isal(l.k(), l.p()).encode(data, isal);
      assertArrayEquals(isal, java, "len " + len);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void parityUpdateIsByteIdentical(Layout l) {
    if (!IsalPresence.present()) {
      return;
    }
    byte[][] data = l.randomData(4096, 5);
    byte[][] java = new byte[l.p()][4096];
    EcCodecs.java(l.k(), l.p()).encode(data, java);
    byte[][] isal = Arrays.stream(java).map(byte[]::clone).toArray(byte[][]::new);
    byte[] delta = l.randomData(4096, 6)[0];
    int j = l.k() - 1;
    EcCodecs.java(l.k(), l.p()).update(j, delta, java);
    EcCodecs.isal(l.k(), l.p()).update(j, delta, isal);
    assertArrayEquals(isal, java);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void rebuiltCellsAreByteIdentical(Layout l) {
    if (!IsalPresence.present()) {
      return;
    }
    EcCodec isal = EcCodecs.isal(l.k(), l.p());
    EcCodec java = EcCodecs.java(l.k(), l.p());
    byte[][] data = l.randomData(4096, 11);
    byte[][] parity = new byte[l.p()][4096];
    isal.encode(data, parity);
    byte[][] cells = Stream.concat(Arrays.stream(data), Arrays.stream(parity)).toArray(byte[][]::new);
    for (int[] lost : l.losses()) {
      byte[][] byIsal = EcCodecContract.damage(cells, lost);
      byte[][] byJava = EcCodecContract.damage(cells, lost);
      isal.reconstruct(byIsal, lost);
      java.reconstruct(byJava, lost);
      assertArrayEquals(cells, byIsal, () -> "ISA-L, lost " + Arrays.toString(lost));
      assertArrayEquals(cells, byJava, () -> "Java, lost " + Arrays.toString(lost));
    }
  }

  @Test
  void getChoosesIsal() {
    if (!IsalPresence.present()) {
      return;
    }
    assertEquals("isa-l", EcCodecs.get(8, 2).implementation());
    assertEquals("isa-l", EcCodecs.get(io.daos.placement.object.Redundancy.ofNumber(35)).implementation());
  }
}
