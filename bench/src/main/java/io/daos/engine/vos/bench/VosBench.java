package io.daos.engine.vos.bench;

import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosPool;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Micro benchmark (not a test): for 64 B and 4 KiB values (4 KiB goes through the blob file), N single-value
 * updates committed in groups of 1 and of 32 (one LMDB transaction and one sync per group, as a target xstream
 * does under load), then N fetches; then the same through bare LMDB ({@link RawLmdb}) as the reference. Prints one
 * JSON object per line.
 * <p>Usage: {@code VosBench [n=20000] [dir=/dev/shm or tmp] [durable=true] [keys=n]}: with {@code keys < n} the
 * updates cycle over that many dkeys (overwrites at new epochs, as {@code daos_perf kv-put --keys} does).
 */
public final class VosBench {
  private static final int[] SIZES = {64, 4096};
  private static final int[] BATCHES = {1, 32};
  private static int keys = Integer.MAX_VALUE;

  private VosBench() {
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path base = args.length > 1 ? Path.of(args[1])
        : Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
    boolean durable = args.length <= 2 || Boolean.parseBoolean(args[2]);
    keys = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
    Path dir = Files.createTempDirectory(base, "vosbench");
    try {
      VosOptions opts = VosOptions.defaults().withMapSize(8L << 30).withDurable(durable);
      try (VosPool pool = VosPool.create(dir, 0, opts)) {
        VosContainer c = pool.createContainer(UUID.randomUUID());
        for (int size : SIZES) {
          for (int batch : BATCHES) {
            run(c, n, size, batch, durable);
          }
        }
      }
      RawLmdb.run(dir.resolve("raw"), n, SIZES, BATCHES, durable);
    } finally {
      VosPool.destroy(dir, 0);
      RawLmdb.delete(dir.resolve("raw"));
      Files.deleteIfExists(dir);
    }
  }

  private static void run(VosContainer c, int n, int size, int batch, boolean durable) {
    VosObjectId oid = VosObjectId.of(0, size, batch);
    byte[] value = new byte[size];
    new Random(size).nextBytes(value);
    byte[] akey = "a".getBytes(StandardCharsets.UTF_8);
    update(c, oid, akey, value, Math.min(5000, n), batch);
    fetch(c, oid, akey, value, Math.min(5000, n));
    long t0 = System.nanoTime();
    update(c, oid, akey, value, n, batch);
    long t1 = System.nanoTime();
    fetch(c, oid, akey, value, n);
    long t2 = System.nanoTime();
    print("vos", "update", size, batch, n, t1 - t0, durable);
    print("vos", "fetch", size, batch, n, t2 - t1, durable);
  }

  /** Updates dkeys 0..n-1 at epochs 1..n, committing after every {@code batch} submissions. */
  private static void update(VosContainer c, VosObjectId oid, byte[] akey, byte[] value, int n, int batch) {
    for (int i = 0; i < n; i++) {
      c.submitUpdate(1 + i, oid, dkey(i), List.of(Iod.single(akey, value)), 0);
      if ((i + 1) % batch == 0 || i == n - 1) {
        GroupCommit.commitPending();
      }
    }
  }

  private static void fetch(VosContainer c, VosObjectId oid, byte[] akey, byte[] value, int n) {
    for (int i = 0; i < n; i++) {
      if (c.fetch(-1, oid, dkey(i), List.of(Iod.fetchSingle(akey)), 0).get(0).recordSize() != value.length) {
        throw new IllegalStateException("fetch returned the wrong size for " + i);
      }
    }
  }

  static byte[] dkey(int i) {
    return ("dkey-" + i % keys).getBytes(StandardCharsets.UTF_8);
  }

  static void print(String what, String op, int size, int batch, int n, long nanos, boolean durable) {
    System.out.printf("{\"store\":\"%s\",\"op\":\"%s\",\"value_bytes\":%d,\"batch\":%d,\"n\":%d,\"durable\":%b,"
        + "\"ops_per_s\":%.0f,\"us_per_op\":%.2f}%n", what, op, size, batch, n, durable, n / (nanos / 1e9),
        nanos / 1e3 / n);
  }
}
