package io.daos.placement.ec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** An EC layout the tests run, named as DAOS's object classes ({@code OC_EC_4P2G1} without the group). */
record Layout(String name, int k, int p) {
  static Stream<Layout> all() {
    return Stream.of(new Layout("EC_2P1", 2, 1), new Layout("EC_2P2", 2, 2), new Layout("EC_4P1", 4, 1),
        new Layout("EC_4P2", 4, 2), new Layout("EC_8P1", 8, 1), new Layout("EC_8P2", 8, 2),
        new Layout("EC_16P2", 16, 2), new Layout("EC_4P3", 4, 3));
  }

  int cells() {
    return k + p;
  }

  /** Every set of 1..p lost cells, each sorted. */
  List<int[]> losses() {
    List<int[]> out = new ArrayList<>();
    for (int mask = 1; mask < (1 << cells()); mask++) {
      if (Integer.bitCount(mask) <= p) {
        int[] lost = new int[Integer.bitCount(mask)];
        for (int i = 0, n = 0; i < cells(); i++) {
          if ((mask & (1 << i)) != 0) {
            lost[n++] = i;
          }
        }
        out.add(lost);
      }
    }
    return out;
  }

  /** k random data cells of {@code len} bytes. */
  byte[][] randomData(int len, long seed) {
    Random rnd = new Random(seed);
    byte[][] d = new byte[k][len];
    for (byte[] c : d) {
      rnd.nextBytes(c);
    }
    return d;
  }

  @Override
  public String toString() {
    return name;
  }

  static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(b.position(), out);
    return out;
  }
}
