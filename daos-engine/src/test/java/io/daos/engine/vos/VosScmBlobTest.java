package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.ARRAY_OID;
import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.blob.PmemPresence;
import io.daos.engine.vos.store.Store;
import io.daos.engine.vos.store.VosOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An SCM-only pool's blob on SCM (DESIGN D8): values at or above data_thresh written through libpmem or the mapped
 * fallback read back after the pool is closed and reopened (with the other backend too), a reserved blob does not
 * grow, and updates acknowledged before the writer is killed with SIGKILL are all there when the pool reopens.
 */
class VosScmBlobTest {
  private static final byte[] DKEY = VosFixture.u64(1);
  private static final VosOptions OPTS = VosOptions.defaults().withMapSize(64L << 20);

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(names = {"SCM_PMEM", "SCM_MAPPED"})
  void valuesSurviveCloseAndReopenWithEitherBackend(BlobKind kind) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    UUID u = UUID.randomUUID();
    byte[] small = VosFixture.random(100, 1);
    byte[] mib = VosFixture.random(1 << 20, 2);
    byte[] array = VosFixture.random(300_000, 3);
    byte[] patch = VosFixture.random(9_000, 4);
    try (VosPool pool = VosPool.createReserved(dir, 0, OPTS.withBlob(kind), 4L << 20)) {
      assertTrue(pool.blobBackend().startsWith(kind == BlobKind.SCM_PMEM ? "libpmem" : "mapped file"),
          pool.blobBackend());
      VosContainer c = pool.createContainer(u);
      c.update(10, OID, b("d"), List.of(Iod.single(b("small"), small), Iod.single(b("mib"), mib)), 0);
      c.update(10, ARRAY_OID, DKEY, List.of(Iod.array(b("a"), 1, List.of(new Recx(0, array.length)), array)), 0);
      c.update(11, ARRAY_OID, DKEY, List.of(Iod.array(b("a"), 1, List.of(new Recx(500, patch.length)), patch)), 0);
      assertTrue(pool.blobEnd() >= (1 << 20) + array.length + patch.length);
    }
    Path blob = VosPool.path(dir, 0).resolve(Store.BLOB_FILE);
    assertEquals(4L << 20, Files.size(blob), "writes inside the reserved blob do not grow it");
    byte[] want = array.clone();
    System.arraycopy(patch, 0, want, 500, patch.length);
    BlobKind other = kind == BlobKind.SCM_PMEM ? BlobKind.SCM_MAPPED : BlobKind.SCM;
    for (BlobKind reopenAs : new BlobKind[] {kind, other, BlobKind.FILE}) {
      try (VosPool pool = VosPool.open(dir, 0, OPTS.withBlob(reopenAs))) {
        VosContainer c = pool.openContainer(u);
        List<FetchedValue> got = c.fetch(-1, OID, b("d"), List.of(Iod.fetchSingle(b("small")),
            Iod.fetchSingle(b("mib"))), 0);
        assertArrayEquals(small, got.get(0).data(), reopenAs.toString());
        assertArrayEquals(mib, got.get(1).data(), reopenAs.toString());
        FetchedValue a = c.fetch(-1, ARRAY_OID, DKEY, List.of(Iod.fetchArray(b("a"), 1,
            List.of(new Recx(0, array.length)))), 0).get(0);
        assertArrayEquals(want, a.data(), reopenAs.toString());
      }
    }
  }

  /** A pool with NVMe written through the file blob reopens mapped (the engine maps it once its SCM is on tmpfs). */
  @Test
  void aFileBlobReopensMapped() throws Exception {
    UUID u = UUID.randomUUID();
    byte[] mib = VosFixture.random(1 << 20, 5);
    try (VosPool pool = VosPool.createReserved(dir, 0, OPTS.withBlob(BlobKind.FILE), 4L << 20)) {
      assertTrue(pool.blobBackend().startsWith("file"), pool.blobBackend());
      pool.createContainer(u).update(10, OID, b("d"), List.of(Iod.single(b("mib"), mib)), 0);
    }
    try (VosPool pool = VosPool.open(dir, 0, OPTS.withBlob(BlobKind.SCM_MAPPED))) {
      assertTrue(pool.blobBackend().startsWith("mapped file"), pool.blobBackend());
      VosContainer c = pool.openContainer(u);
      assertArrayEquals(mib, c.fetch(-1, OID, b("d"), List.of(Iod.fetchSingle(b("mib"))), 0).get(0).data());
      byte[] next = VosFixture.random(1 << 20, 6);
      c.update(11, OID, b("d"), List.of(Iod.single(b("mib"), next)), 0);
      assertArrayEquals(next, c.fetch(-1, OID, b("d"), List.of(Iod.fetchSingle(b("mib"))), 0).get(0).data());
    }
  }

  /**
   * {@code forcePmem}: the child runs with libpmem's {@code PMEM_IS_PMEM_FORCE=1}, so that the pmem path
   * ({@code pmem_memcpy_persist} per write, no msync) is the one exercised, as on a DAX mount.
   */
  @ParameterizedTest(name = "{0}, PMEM_IS_PMEM_FORCE {1}")
  @CsvSource({"SCM_PMEM, false", "SCM_PMEM, true", "SCM_MAPPED, false"})
  void acknowledgedUpdatesSurviveKillMinus9(BlobKind kind, boolean forcePmem) throws Exception {
    if (!PmemPresence.usable(kind, dir)) {
      return;
    }
    UUID u = UUID.randomUUID();
    int wait = 60;
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString(), u.toString(),
        "0", "sync", kind.name());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("PMEM_IS_PMEM_FORCE", forcePmem ? "1" : "0");
    Process p = pb.start();
    int acked = 0;
    String backend = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && acked < wait; line = r.readLine()) {
        if (line.startsWith("ACK ")) {
          acked = Integer.parseInt(line.substring(4)) + 1;
        } else if (line.startsWith("BLOB ")) {
          backend = line.substring(5);
        }
      }
      p.destroyForcibly(); // SIGKILL while it is still writing
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer dies");
    }
    assertEquals(137, p.exitValue(), "killed by SIGKILL, not exited");
    assertEquals(wait, acked);
    String want = kind == BlobKind.SCM_MAPPED ? "mapped file"
        : forcePmem ? "libpmem, persistent memory" : "libpmem, not persistent memory";
    assertTrue(backend != null && backend.startsWith(want), "the writer's blob: " + backend);
    try (VosPool pool = VosPool.open(dir, 0, OPTS.withBlob(kind))) {
      VosContainer c = pool.openContainer(u);
      for (int i = 0; i < acked; i++) {
        FetchedValue v = c.fetch(-1, OID, b("d" + i), List.of(Iod.fetchSingle(b("a"))), 0).get(0);
        assertArrayEquals(CrashWriter.value(i), v.data(), "update " + i);
      }
    }
  }
}
