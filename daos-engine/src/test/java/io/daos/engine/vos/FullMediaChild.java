package io.daos.engine.vos;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.VosObjectId;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@link VosFullMediaTest}, run in a child JVM whose {@code args[0]} is an 8 MiB tmpfs of its own (a
 * fault in LMDB's mapped files or a mapped blob would kill the JVM, not fail a test) and {@code args[1]} the blob's
 * {@link BlobKind}. Prints one line per step; exits 0 when every
 * step saw what it should, 1 with the step's name otherwise.
 */
public final class FullMediaChild {
  private static final VosObjectId OID = VosObjectId.of(0, 1, 1);
  private static final long MAP = 2L << 20;
  private static final long BLOB = 2L << 20;

  private FullMediaChild() {
  }

  public static void main(String[] args) throws IOException {
    Path fs = Path.of(args[0]);
    VosOptions opts = VosOptions.defaults().withMapSize(MAP).withBlob(BlobKind.valueOf(args[1]));
    // 1. The whole file system full: the create fails cleanly and leaves nothing.
    Path filler = fs.resolve("filler");
    fill(filler);
    expectNoSpace("create on a full file system", () -> VosPool.createReserved(fs.resolve("p0"), 0, opts, BLOB));
    check("nothing left behind", !Files.exists(VosPool.path(fs.resolve("p0"), 0)));
    Files.delete(filler);

    // 2. A pool whose LMDB map (SCM) fills with small values, then whose blob (NVMe) takes the rest of the file system.
    Path poolDir = fs.resolve("p1");
    VosPool pool = VosPool.createReserved(poolDir, 0, opts, BLOB);
    VosContainer c = pool.createContainer(UUID.randomUUID());
    byte[] small = new byte[200];
    long epoch = 1;
    int smallOk = 0;
    while (true) {
      Arrays.fill(small, (byte) smallOk);
      try {
        c.update(epoch++, OID, key("s", smallOk), List.of(Iod.single(b("a"), small)), 0);
        smallOk++;
      } catch (DaosException e) {
        check("SCM full gives DER_NOSPACE (" + e.getMessage() + ")", e.status() == DaosStatus.NOSPACE);
        break;
      }
    }
    check("small values stored before SCM filled: " + smallOk, smallOk > 100);
    check("old small value readable", c.fetch(-1, OID, key("s", 7), List.of(Iod.fetchSingle(b("a"))), 0).get(0)
        .data()[0] == 7);
    pool.close();
    pool = VosPool.open(poolDir, 0, opts);
    c = pool.openContainer(c.uuid());
    check("after a restart the old value reads", c.fetch(-1, OID, key("s", 3), List.of(Iod.fetchSingle(b("a"))), 0)
        .get(0).data()[0] == 3);
    pool.destroyContainer(c.uuid());
    c = pool.createContainer(UUID.randomUUID());
    byte[] big = new byte[256 * 1024];
    int bigOk = 0;
    while (true) {
      Arrays.fill(big, (byte) bigOk);
      try {
        c.update(epoch++, OID, key("b", bigOk), List.of(Iod.single(b("a"), big)), 0);
        bigOk++;
      } catch (DaosException e) {
        check("file system full under the blob gives DER_NOSPACE (" + e.getMessage() + ")",
            e.status() == DaosStatus.NOSPACE);
        break;
      }
    }
    check("large values stored past the reservation until the file system filled: " + bigOk, bigOk * big.length > BLOB);
    check("old large value readable", c.fetch(-1, OID, key("b", 1), List.of(Iod.fetchSingle(b("a"))), 0).get(0)
        .data()[100] == 1);
    pool.destroyContainer(c.uuid());
    check("space returns after destroy: blob in use " + pool.blobUsed(), pool.blobUsed() == 0);
    c = pool.createContainer(UUID.randomUUID());
    c.update(epoch++, OID, key("b", 0), List.of(Iod.single(b("a"), big)), 0);
    check("a write fits again", c.fetch(-1, OID, key("b", 0), List.of(Iod.fetchSingle(b("a"))), 0).get(0).length()
        == big.length);
    pool.close();
    System.out.println("ALL OK");
  }

  private interface Step {
    Object run();
  }

  private static void expectNoSpace(String what, Step s) {
    try {
      s.run();
      fail(what + ": succeeded");
    } catch (DaosException e) {
      check(what + " gives DER_NOSPACE (" + e.getMessage() + ")", e.status() == DaosStatus.NOSPACE);
    }
  }

  private static void fill(Path p) throws IOException {
    byte[] mib = new byte[1 << 16];
    try (OutputStream o = Files.newOutputStream(p)) {
      while (true) {
        o.write(mib);
      }
    } catch (IOException e) {
      if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
        throw e;
      }
    }
  }

  private static void check(String what, boolean ok) {
    if (!ok) {
      fail(what);
    }
    System.out.println("ok: " + what);
  }

  private static void fail(String what) {
    System.out.println("FAILED: " + what);
    System.exit(1);
  }

  private static byte[] key(String p, int i) {
    return b(p + i);
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
