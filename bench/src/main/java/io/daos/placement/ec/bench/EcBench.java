package io.daos.placement.ec.bench;

import io.daos.placement.ec.EcCodec;
import io.daos.placement.ec.EcCodecs;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Micro benchmark (not a test): encoding one stripe of EC 4+2 and 8+2 with 128 KiB cells (DAOS's default
 * {@code ec_cell_sz}) through ISA-L and through the pure-Java codec, next to a plain copy of the same k cells
 * (direct to direct, heap to heap), and rebuilding two lost data cells. Each row runs for a warm-up, then
 * {@code rounds} measured rounds; it prints one JSON object per row with the median, lowest and highest GB/s of
 * data-cell bytes (k x cell per stripe).
 * <p>Usage: {@code EcBench [secondsPerRound=2] [rounds=5] [cellKiB=128]}
 */
public final class EcBench {
  private static final int[][] LAYOUTS = {{4, 2}, {8, 2}};

  private EcBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int cell = (args.length > 2 ? Integer.parseInt(args[2]) : 128) << 10;
    System.out.printf(Locale.ROOT, "{\"isal\": %b, \"isal_error\": \"%s\", \"cpus\": %d, \"java\": \"%s\"}%n",
        EcCodecs.isalLoaded(), EcCodecs.isalError(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"));
    for (int[] kp : LAYOUTS) {
      Stripe direct = new Stripe(kp[0], kp[1], cell, true);
      Stripe heap = new Stripe(kp[0], kp[1], cell, false);
      List<Row> rows = new ArrayList<>();
      rows.add(new Row("memcpy", "direct", direct::copy));
      rows.add(new Row("memcpy", "heap", heap::copy));
      if (EcCodecs.isalLoaded()) {
        EcCodec isal = EcCodecs.isal(kp[0], kp[1]);
        rows.add(new Row("encode isa-l", "direct", () -> isal.encode(direct.data, direct.parity)));
        rows.add(new Row("encode isa-l", "heap", () -> isal.encode(heap.data, heap.parity)));
        rows.add(new Row("rebuild 2 data isa-l", "direct", () -> direct.rebuild(isal)));
      }
      EcCodec java = EcCodecs.java(kp[0], kp[1]);
      rows.add(new Row("encode java", "direct", () -> java.encode(direct.data, direct.parity)));
      rows.add(new Row("encode java", "heap", () -> java.encode(heap.data, heap.parity)));
      rows.add(new Row("rebuild 2 data java", "heap", () -> heap.rebuild(java)));
      for (Row r : rows) {
        System.out.println(r.measure(kp[0], kp[1], cell, seconds, rounds));
      }
    }
  }

  /** One stripe's cells, a copy target for the memcpy rows and the buffers a rebuild writes. */
  private static final class Stripe {
    final ByteBuffer[] data;
    final ByteBuffer[] parity;
    final ByteBuffer[] copies;
    final ByteBuffer[] cells;

    Stripe(int k, int p, int cell, boolean direct) {
      Random rnd = new Random(k * 31L + p);
      data = alloc(k, cell, direct);
      for (ByteBuffer b : data) {
        byte[] bytes = new byte[cell];
        rnd.nextBytes(bytes);
        b.put(0, bytes);
      }
      parity = alloc(p, cell, direct);
      copies = alloc(k, cell, direct);
      cells = new ByteBuffer[k + p];
      System.arraycopy(data, 0, cells, 0, k);
      System.arraycopy(parity, 0, cells, k, p);
      cells[0] = copies[0];
      cells[1] = copies[1];
    }

    void copy() {
      for (int j = 0; j < data.length; j++) {
        copies[j].put(0, data[j], 0, data[j].capacity());
      }
    }

    /** Cells 0 and 1 lost (rebuilt into the copy buffers), read from cells 2..k+1. */
    void rebuild(EcCodec c) {
      c.reconstruct(cells, 0, 1);
    }

    private static ByteBuffer[] alloc(int n, int cell, boolean direct) {
      ByteBuffer[] out = new ByteBuffer[n];
      for (int i = 0; i < n; i++) {
        out[i] = direct ? ByteBuffer.allocateDirect(cell) : ByteBuffer.allocate(cell);
      }
      return out;
    }
  }

  private record Row(String op, String memory, Runnable body) {
    String measure(int k, int p, int cell, double seconds, int rounds) {
      loop(seconds); // warm-up: the JIT compiles the loops before anything is timed
      double[] gbs = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        long n = loop(seconds);
        gbs[i] = (double) n * k * cell / (System.nanoTime() - t0);
      }
      Arrays.sort(gbs);
      return String.format(Locale.ROOT, "{\"layout\": \"EC_%dP%d\", \"cell_kib\": %d, \"op\": \"%s\", \"memory\": \"%s\","
          + " \"gb_per_s_median\": %.2f, \"min\": %.2f, \"max\": %.2f, \"rounds\": %d, \"seconds\": %.1f}",
          k, p, cell >> 10, op, memory, gbs[rounds / 2], gbs[0], gbs[rounds - 1], rounds, seconds);
    }

    private long loop(double seconds) {
      long end = System.nanoTime() + (long) (seconds * 1e9);
      long n = 0;
      while (System.nanoTime() < end) {
        body.run();
        n++;
      }
      return n;
    }
  }
}
