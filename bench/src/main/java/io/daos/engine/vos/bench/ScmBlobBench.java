package io.daos.engine.vos.bench;

import io.daos.engine.vos.Iod;
import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.VosPool;
import io.daos.engine.vos.blob.Blob;
import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Micro benchmark (not a test) of an SCM-only pool's blob backends against the FileChannel blob they replace, in one
 * process and run: {@code blob} rows write N values of each size into a reserved blob (a force after each write, or
 * after each 32: commits of batch 1 and 32) and read them back; {@code vos} rows do the same through VOS (durable
 * single-value updates of a reserved pool and fetches). Backends are interleaved over {@code rounds} rounds; one JSON
 * object per line.
 * <p>Usage: {@code ScmBlobBench [n=2000] [dir=/dev/shm] [rounds=3]}.
 */
public final class ScmBlobBench {
  private static final int[] BLOB_SIZES = {4096, 65536, 1 << 20};
  private static final int[] VOS_SIZES = {4096, 65536};
  private static final int[] BATCHES = {1, 32};
  private static final long REGION = 256L << 20;

  private ScmBlobBench() {
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path base = Path.of(args.length > 1 ? args[1] : "/dev/shm");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.printf("{\"scm_backend\":\"%s\"}%n", BlobKind.scmBackend().replace("\"", "'"));
    BlobKind[] kinds = {BlobKind.FILE, BlobKind.SCM_PMEM, BlobKind.SCM_MAPPED};
    for (int r = 0; r < rounds; r++) {
      for (int size : BLOB_SIZES) {
        for (int batch : BATCHES) {
          for (BlobKind k : kinds) {
            blob(base, k, size, batch, size >= (1 << 20) ? Math.max(1, n / 8) : n, r);
          }
        }
      }
      for (int size : VOS_SIZES) {
        for (int batch : BATCHES) {
          for (BlobKind k : kinds) {
            vos(base, k, size, batch, n, r);
          }
        }
      }
    }
  }

  /** Writes {@code n} values at consecutive offsets of a reserved region (wrapping), then reads them. */
  private static void blob(Path base, BlobKind kind, int size, int batch, int n, int round) throws IOException {
    Path dir = Files.createTempDirectory(base, "scmblob");
    Path f = dir.resolve("blob.dat");
    byte[] v = new byte[size];
    new Random(size).nextBytes(v);
    byte[] back = new byte[size];
    long slots = REGION / size;
    try (Blob b = kind.open(f)) {
      b.reserve(REGION);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.write((i % slots) * size, v, 0, size);
        if ((i + 1) % batch == 0 || i == n - 1) {
          b.force();
        }
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        b.read((i % slots) * size, back, 0, size);
      }
      long t2 = System.nanoTime();
      print("blob", kind, "write", size, batch, n, t1 - t0, round);
      print("blob", kind, "read", size, 0, n, t2 - t1, round);
    } finally {
      Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    }
  }

  /** {@code n} durable single-value updates of new dkeys, committed in groups of {@code batch}, then fetches. */
  private static void vos(Path base, BlobKind kind, int size, int batch, int n, int round) throws IOException {
    Path dir = Files.createTempDirectory(base, "scmvos");
    VosOptions opts = VosOptions.defaults().withMapSize(64L << 20).withBlob(kind);
    byte[] v = new byte[size];
    new Random(size).nextBytes(v);
    byte[] akey = {'a'};
    VosObjectId oid = VosObjectId.of(0, size, batch);
    try (VosPool pool = VosPool.createReserved(dir, 0, opts, (long) n * size + (1 << 20))) {
      VosContainer c = pool.createContainer(UUID.randomUUID());
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        c.submitUpdate(1 + i, oid, VosBench.dkey(i), List.of(Iod.single(akey, v)), 0);
        if ((i + 1) % batch == 0 || i == n - 1) {
          GroupCommit.commitPending();
        }
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        if (c.fetch(-1, oid, VosBench.dkey(i), List.of(Iod.fetchSingle(akey)), 0).get(0).recordSize() != size) {
          throw new IllegalStateException("fetch " + i + " returned the wrong size");
        }
      }
      long t2 = System.nanoTime();
      print("vos", kind, "update", size, batch, n, t1 - t0, round);
      print("vos", kind, "fetch", size, 0, n, t2 - t1, round);
    } finally {
      VosPool.destroy(dir, 0);
      Files.deleteIfExists(dir);
    }
  }

  private static void print(String level, BlobKind kind, String op, int size, int batch, int n, long nanos,
      int round) {
    System.out.printf("{\"level\":\"%s\",\"blob\":\"%s\",\"op\":\"%s\",\"value_bytes\":%d,\"batch\":%d,\"n\":%d,"
        + "\"round\":%d,\"us_per_op\":%.2f,\"mb_per_s\":%.0f}%n", level, kind, op, size, batch, n, round,
        nanos / 1e3 / n, (double) n * size / (nanos / 1e9) / 1e6);
  }
}
