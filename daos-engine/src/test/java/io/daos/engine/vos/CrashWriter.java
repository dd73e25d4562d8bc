package io.daos.engine.vos;

import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.store.GroupCommit;
import io.daos.engine.vos.store.VosOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Child process for {@link VosPoolTest}: writes values, prints "ACK i" once update i is acknowledged, and halts
 * without closing anything (no clean shutdown), like an engine killed with -9. Mode {@code sync} acknowledges each
 * synchronous update; mode {@code batch} submits groups of {@link #GROUP} and acknowledges from the futures after
 * each group commit, then leaves a last group queued (never acknowledged) when it halts. Mode {@code writemap} is
 * {@code batch} on a pool created with its space reserved, whose commits write through LMDB's map
 * ({@code MDB_WRITEMAP}); it prints "WRITEMAP" first once the store says so. An optional fifth argument names the
 * blob's {@link BlobKind} ({@code FILE} by default); with {@code n} 0 it writes until it is killed.
 */
public final class CrashWriter {
  static final int GROUP = 8;

  private CrashWriter() {
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    UUID uuid = UUID.fromString(args[1]);
    int n = Integer.parseInt(args[2]);
    String mode = args.length > 3 ? args[3] : "sync";
    boolean batch = !mode.equals("sync");
    BlobKind kind = args.length > 4 ? BlobKind.valueOf(args[4]) : BlobKind.FILE;
    VosOptions opts = VosOptions.defaults().withMapSize(64L << 20).withBlob(kind);
    VosPool pool = mode.equals("writemap") ? VosPool.createReserved(dir, 0, opts, 1 << 20)
        : VosPool.create(dir, 0, opts);
    if (pool.writeMap()) {
      System.out.println("WRITEMAP");
    }
    VosContainer c = pool.createContainer(uuid);
    for (int i = 0; n == 0 || i < n; i++) {
      if (batch) {
        int id = i;
        submit(c, i).thenRun(() -> ack(id));
        if ((i + 1) % GROUP == 0) {
          GroupCommit.commitPending();
        }
      } else {
        c.update(10 + i, VosFixture.OID, VosFixture.b("d" + i), List.of(Iod.single(VosFixture.b("a"), value(i))), 0);
        ack(i);
      }
      if (i == 1) {
        System.out.println("BLOB " + pool.blobBackend()); // once update 1 (8 KiB) put something in the blob
      }
    }
    Runtime.getRuntime().halt(0);
  }

  private static CompletableFuture<Void> submit(VosContainer c, int i) {
    return c.submitUpdate(10 + i, VosFixture.OID, VosFixture.b("d" + i),
        List.of(Iod.single(VosFixture.b("a"), value(i))), 0);
  }

  private static void ack(int i) {
    System.out.println("ACK " + i);
    System.out.flush();
  }

  static byte[] value(int i) {
    return VosFixture.random(i % 2 == 0 ? 64 : 8192, i);
  }
}
