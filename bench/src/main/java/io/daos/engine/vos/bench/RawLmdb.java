package io.daos.engine.vos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.lmdbjava.ByteBufferProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;

/**
 * The reference rows of {@link VosBench}: bare lmdbjava puts (one transaction per {@code batch} puts, same sync
 * mode) and gets (one read transaction each) of the same keys and values, values inline, no blob file.
 */
final class RawLmdb {
  private RawLmdb() {
  }

  static void run(Path dir, int n, int[] sizes, int[] batches, boolean durable) throws IOException {
    Files.createDirectories(dir);
    EnvFlags[] flags = durable ? new EnvFlags[] {EnvFlags.MDB_NOTLS}
        : new EnvFlags[] {EnvFlags.MDB_NOTLS, EnvFlags.MDB_NOSYNC};
    try (Env<ByteBuffer> env = Env.create(ByteBufferProxy.PROXY_OPTIMAL).setMapSize(8L << 30).setMaxDbs(1)
        .open(dir.toFile(), flags)) {
      Dbi<ByteBuffer> db = env.openDbi("raw", DbiFlags.MDB_CREATE);
      ByteBuffer key = ByteBuffer.allocateDirect(64);
      for (int size : sizes) {
        ByteBuffer val = ByteBuffer.allocateDirect(size);
        byte[] v = new byte[size];
        new Random(size).nextBytes(v);
        val.put(v).flip();
        for (int batch : batches) {
          String prefix = size + "-" + batch + "-";
          put(env, db, key, val, prefix, Math.min(5000, n), batch);
          get(env, db, key, prefix, Math.min(5000, n), size);
          long t0 = System.nanoTime();
          put(env, db, key, val, prefix, n, batch);
          long t1 = System.nanoTime();
          get(env, db, key, prefix, n, size);
          long t2 = System.nanoTime();
          VosBench.print("lmdb", "put", size, batch, n, t1 - t0, durable);
          VosBench.print("lmdb", "get", size, batch, n, t2 - t1, durable);
        }
      }
    }
  }

  private static void put(Env<ByteBuffer> env, Dbi<ByteBuffer> db, ByteBuffer key, ByteBuffer val, String prefix,
      int n, int batch) {
    for (int i = 0; i < n; i += batch) {
      try (Txn<ByteBuffer> txn = env.txnWrite()) {
        for (int j = i; j < Math.min(n, i + batch); j++) {
          db.put(txn, key(key, prefix, j), val);
        }
        txn.commit();
      }
    }
  }

  private static void get(Env<ByteBuffer> env, Dbi<ByteBuffer> db, ByteBuffer key, String prefix, int n, int size) {
    for (int i = 0; i < n; i++) {
      try (Txn<ByteBuffer> txn = env.txnRead()) {
        ByteBuffer v = db.get(txn, key(key, prefix, i));
        if (v == null || v.remaining() != size) {
          throw new IllegalStateException("raw get " + i + " returned " + v);
        }
        byte[] copy = new byte[size];
        v.get(copy);
      }
    }
  }

  private static ByteBuffer key(ByteBuffer key, String prefix, int i) {
    key.clear();
    key.put((prefix + VosBench.dkey(i).length + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).flip();
    return key;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
