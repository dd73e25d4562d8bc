package io.daos.placement.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link EcCodec} does, written once; {@link JavaEcCodecTest} and {@link IsalEcCodecTest} run it. */
abstract class EcCodecContract {
  /** DAOS's smallest cell, and an 8-byte-aligned single-value share that is not a multiple of 32. */
  static final int[] LENGTHS = {4096, 1000};

  /** The codec under test for EC k+p. */
  abstract EcCodec codec(int k, int p);

  static Stream<Layout> layouts() {
    return Layout.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void everyLossOfUpToPCellsIsRebuilt(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    for (int len : LENGTHS) {
      byte[][] cells = stripe(c, l.randomData(len, l.k() * 31L + len));
      for (int[] lost : l.losses()) {
        byte[][] damaged = damage(cells, lost);
        c.reconstruct(damaged, lost);
        for (int i = 0; i < cells.length; i++) {
          assertArrayEquals(cells[i], damaged[i], () -> "cell " + Arrays.toString(lost) + " lost, len " + len);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void updateOfOneCellEqualsReencoding(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    byte[][] data = l.randomData(4096, 7);
    byte[][] parity = new byte[l.p()][4096];
    c.encode(data, parity);
    Random rnd = new Random(8);
    for (int j = 0; j < l.k(); j++) {
      byte[] fresh = new byte[4096];
      rnd.nextBytes(fresh);
      byte[] delta = xor(data[j], fresh);
      data[j] = fresh;
      c.update(j, delta, parity);
      byte[][] want = new byte[l.p()][4096];
      c.encode(data, want);
      assertArrayEquals(want, parity, "after updating cell " + j);
    }
    byte[][] summed = new byte[l.p()][4096];
    for (int j = 0; j < l.k(); j++) {
      c.update(j, data[j], summed);
    }
    assertArrayEquals(parity, summed, "every cell added to zero parity");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void heapDirectAndPositionedCellsGiveTheSameBytes(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    int len = (128 << 10) + 8; // over ISA-L's staging block and the Java block, not a multiple of either
    byte[][] data = l.randomData(len, 9);
    byte[][] heap = new byte[l.p()][len];
    c.encode(data, heap);
    ByteBuffer[] in = new ByteBuffer[l.k()];
    for (int j = 0; j < l.k(); j++) {
      in[j] = switch (j % 3) {
        case 0 -> Layout.direct(data[j]);
        case 1 -> Layout.direct(data[j]).asReadOnlyBuffer();
        default -> ByteBuffer.allocate(len + 13).position(13).put(data[j]).position(13);
      };
    }
    ByteBuffer[] out = new ByteBuffer[l.p()];
    for (int r = 0; r < l.p(); r++) {
      out[r] = r % 2 == 0 ? ByteBuffer.allocateDirect(len + 5).position(5) : ByteBuffer.allocate(len);
    }
    c.encode(in, out);
    for (int r = 0; r < l.p(); r++) {
      assertEquals(r % 2 == 0 ? 5 : 0, out[r].position(), "position kept");
      assertArrayEquals(heap[r], Layout.bytes(out[r]), "parity " + r);
    }
    ByteBuffer lost = ByteBuffer.allocateDirect(len);
    ByteBuffer[] cells = Stream.concat(Arrays.stream(in), Arrays.stream(out)).toArray(ByteBuffer[]::new);
    cells[0] = lost;
    c.reconstruct(cells, 0);
    assertArrayEquals(data[0], Layout.bytes(lost));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void tinyCellsWork(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    for (int len : new int[] {1, 8, 31, 33}) {
      byte[][] cells = stripe(c, l.randomData(len, len));
      int[] lost = l.losses().get(l.losses().size() - 1);
      byte[][] damaged = damage(cells, lost);
      c.reconstruct(damaged, lost);
      assertArrayEquals(cells, damaged, "len " + len);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void moreThanPLostIsDataLoss(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    byte[][] cells = stripe(c, l.randomData(64, 1));
    int[] lost = java.util.stream.IntStream.range(0, l.p() + 1).toArray();
    DaosException e = assertThrows(DaosException.class, () -> c.reconstruct(cells, lost));
    assertEquals(DaosStatus.DATA_LOSS, e.status());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void cellsNotNeededMayBeMissing(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    byte[][] cells = stripe(c, l.randomData(256, 2));
    byte[][] given = cells.clone();
    given[0] = new byte[256];
    given[l.cells() - 1] = null; // with p > 1, past the first k survivors: never read
    if (l.p() == 1) {
      assertThrows(IllegalArgumentException.class, () -> c.reconstruct(given, 0), "a survivor is missing");
      return;
    }
    c.reconstruct(given, 0);
    assertArrayEquals(cells[0], given[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void badArgumentsAreRefused(Layout l) {
    EcCodec c = codec(l.k(), l.p());
    byte[][] data = l.randomData(64, 3);
    byte[][] parity = new byte[l.p()][64];
    assertEquals(l.k(), c.dataCells());
    assertEquals(l.p(), c.parityCells());
    assertThrows(IllegalArgumentException.class, () -> c.encode(Arrays.copyOf(data, l.k() - 1), parity));
    byte[][] shortCell = data.clone();
    shortCell[l.k() - 1] = new byte[63];
    assertThrows(IllegalArgumentException.class, () -> c.encode(shortCell, parity));
    ByteBuffer[] ro = {ByteBuffer.allocate(64).asReadOnlyBuffer()};
    ByteBuffer[] roParity = Stream.concat(Arrays.stream(ro), Stream.generate(() -> ByteBuffer.allocate(64)))
        .limit(l.p()).toArray(ByteBuffer[]::new);
    assertThrows(IllegalArgumentException.class, () -> c.encode(Cells.wrap(data), roParity));
    assertThrows(IllegalArgumentException.class, () -> c.update(l.k(), new byte[64], parity));
    byte[][] cells = stripe(c, data);
    assertThrows(IllegalArgumentException.class, () -> c.reconstruct(cells, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> c.reconstruct(cells, l.cells()));
    c.reconstruct(cells); // nothing lost: nothing to do
  }

  /** Data cells followed by their parity. */
  byte[][] stripe(EcCodec c, byte[][] data) {
    byte[][] parity = new byte[c.parityCells()][data[0].length];
    c.encode(data, parity);
    return Stream.concat(Arrays.stream(data), Arrays.stream(parity)).toArray(byte[][]::new);
  }

  /** A copy of {@code cells} with the lost ones overwritten by garbage. */
  static byte[][] damage(byte[][] cells, int[] lost) {
    byte[][] out = new byte[cells.length][];
    for (int i = 0; i < cells.length; i++) {
      out[i] = cells[i].clone();
    }
    for (int i : lost) {
      Arrays.fill(out[i], (byte) 0x5a);
    }
    return out;
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }
}
