package io.daos.engine.vos.bench;

import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosObjectId;
import io.daos.engine.vos.VosOptions;
import io.daos.engine.vos.VosPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Micro benchmark (not a test): N single-value updates then N fetches, for 64 B and 4 KiB values (4 KiB goes
 * through the blob file), one LMDB transaction per op. Prints one JSON object per line.
 * <p>Usage: {@code VosBench [n=20000] [dir=/dev/shm or tmp] [durable=true]}
 */
public final class VosBench {
  private VosBench() {
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path base = args.length > 1 ? Path.of(args[1])
        : Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
    boolean durable = args.length <= 2 || Boolean.parseBoolean(args[2]);
    Path dir = Files.createTempDirectory(base, "vosbench");
    try {
      VosOptions opts = VosOptions.defaults().withMapSize(8L << 30).withDurable(durable);
      try (VosPool pool = VosPool.create(dir, 0, opts)) {
        VosContainer c = pool.createContainer(UUID.randomUUID());
        for (int size : new int[] {64, 4096}) {
          run(c, n, size, durable);
        }
      }
    } finally {
      VosPool.destroy(dir, 0);
      Files.deleteIfExists(dir);
    }
  }

  private static void run(VosContainer c, int n, int size, boolean durable) {
    VosObjectId oid = VosObjectId.of(0, size, 1);
    byte[] value = new byte[size];
    new Random(size).nextBytes(value);
    byte[] akey = "a".getBytes(StandardCharsets.UTF_8);
    int warm = Math.min(1000, n);
    loop(c, oid, akey, value, warm, 1, true);
    long t0 = System.nanoTime();
    loop(c, oid, akey, value, n, 1, true);
    long t1 = System.nanoTime();
    loop(c, oid, akey, value, n, 1, false);
    long t2 = System.nanoTime();
    print("update", size, n, t1 - t0, durable);
    print("fetch", size, n, t2 - t1, durable);
  }

  private static void loop(VosContainer c, VosObjectId oid, byte[] akey, byte[] value, int n, long epoch0,
      boolean update) {
    for (int i = 0; i < n; i++) {
      byte[] dkey = ("dkey-" + i).getBytes(StandardCharsets.UTF_8);
      if (update) {
        c.update(epoch0 + i, oid, dkey, List.of(Iod.single(akey, value)), 0);
      } else if (c.fetch(-1, oid, dkey, List.of(Iod.fetchSingle(akey)), 0).get(0).recordSize() != value.length) {
        throw new IllegalStateException("fetch returned the wrong size for " + i);
      }
    }
  }

  private static void print(String op, int size, int n, long nanos, boolean durable) {
    double us = nanos / 1e3 / n;
    System.out.printf("{\"op\":\"%s\",\"value_bytes\":%d,\"n\":%d,\"durable\":%b,\"ops_per_s\":%.0f,"
        + "\"us_per_op\":%.2f}%n", op, size, n, durable, n / (nanos / 1e9), us);
  }
}
