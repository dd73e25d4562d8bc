package io.daos.engine.vos;

import static io.daos.engine.vos.VosFixture.OID;
import static io.daos.engine.vos.VosFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.store.Store;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.VosObjectId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pool lifecycle, key validation and durability across an unclean exit. */
class VosPoolTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("create, reopen, destroy; DER_EXIST and DER_NONEXIST")
  void lifecycle() {
    UUID u = UUID.randomUUID();
    try (VosPool p = VosPool.create(dir, 3, VosOptions.defaults())) {
      p.createContainer(u).update(5, OID, b("d"), List.of(Iod.single(b("a"), b("v"))), 0);
      assertTrue(Files.exists(dir.resolve("vos-3").resolve("data.mdb")));
    }
    assertEquals(DaosStatus.EXIST,
        assertThrows(DaosException.class, () -> VosPool.create(dir, 3, VosOptions.defaults())).status());
    try (VosPool p = VosPool.open(dir, 3, VosOptions.defaults())) {
      assertEquals(List.of(u), p.listContainers());
      assertEquals("v", VosFixture.s(p.openContainer(u).fetch(5, OID, b("d"),
          List.of(Iod.fetchSingle(b("a"))), 0).get(0).data()));
    }
    VosPool.destroy(dir, 3);
    assertFalse(Files.exists(dir.resolve("vos-3")));
    assertEquals(DaosStatus.NONEXIST,
        assertThrows(DaosException.class, () -> VosPool.open(dir, 3, VosOptions.defaults())).status());
  }

  @Test
  @DisplayName("punches hide what lies under them in a container first read before them, after them and after a reopen")
  void punchesSeenWhateverTheStoreKnewOfTheContainer() {
    UUID punched = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    VosOptions opts = VosOptions.defaults().withMapSize(16L << 20);
    List<Iod> fetchA = List.of(Iod.fetchSingle(b("a")));
    try (VosPool p = VosPool.create(dir, 0, opts)) {
      VosContainer c = p.createContainer(punched);
      VosContainer o = p.createContainer(other);
      c.update(10, OID, b("d"), List.of(Iod.single(b("a"), b("v10"))), 0);
      o.update(10, OID, b("d"), List.of(Iod.single(b("a"), b("o10"))), 0);
      assertEquals("v10", VosFixture.s(c.fetch(30, OID, b("d"), fetchA, 0).get(0).data()), "read before any punch");
      c.punchAkeys(20, OID, b("d"), List.of(b("a")), 0);
      assertEquals(0, c.fetch(30, OID, b("d"), fetchA, 0).get(0).data().length, "punched at 20");
      assertEquals("v10", VosFixture.s(c.fetch(15, OID, b("d"), fetchA, 0).get(0).data()));
      assertEquals("o10", VosFixture.s(o.fetch(30, OID, b("d"), fetchA, 0).get(0).data()), "other container");
      c.update(40, OID, b("d"), List.of(Iod.single(b("a"), b("v40"))), 0);
      c.punchObject(50, OID, 0);
    }
    try (VosPool p = VosPool.open(dir, 0, opts)) {
      VosContainer c = p.openContainer(punched);
      assertEquals(0, c.fetch(30, OID, b("d"), fetchA, 0).get(0).data().length, "the akey punch, after a reopen");
      assertEquals("v40", VosFixture.s(c.fetch(45, OID, b("d"), fetchA, 0).get(0).data()));
      assertEquals(0, c.fetch(60, OID, b("d"), fetchA, 0).get(0).data().length, "the object punch");
      c.update(70, OID, b("d"), List.of(Iod.single(b("a"), b("v70"))), 0);
      assertEquals("v70", VosFixture.s(c.fetch(80, OID, b("d"), fetchA, 0).get(0).data()), "re-created after it");
      assertEquals("o10", VosFixture.s(p.openContainer(other).fetch(80, OID, b("d"), fetchA, 0).get(0).data()));
    }
  }

  @Test
  @DisplayName("a destroyed container's punch state goes with it")
  void destroyForgetsThePunchState() {
    UUID cont = UUID.randomUUID();
    try (VosPool p = VosPool.create(dir, 0, VosOptions.defaults().withMapSize(16L << 20))) {
      VosContainer c = p.createContainer(cont);
      c.update(10, OID, b("d"), List.of(Iod.single(b("a"), b("v"))), 0);
      c.punchAkeys(20, OID, b("d"), List.of(b("a")), 0);
      assertEquals(0, c.fetch(30, OID, b("d"), List.of(Iod.fetchSingle(b("a"))), 0).get(0).data().length);
      assertEquals(1, p.punchStatesKnown());
      p.destroyContainer(cont);
      assertEquals(0, p.punchStatesKnown());
    }
  }

  @Test
  @DisplayName("a store writes through its LMDB map (MDB_WRITEMAP) only once the whole map is reserved")
  void writeMapOnlyOnAReservedMap() {
    UUID u = UUID.randomUUID();
    VosOptions opts = VosOptions.defaults().withMapSize(16L << 20);
    try (VosPool p = VosPool.create(dir, 0, opts)) {
      assertFalse(p.writeMap(), "a new store's map is not reserved");
      p.createContainer(u).update(5, OID, b("d"), List.of(Iod.single(b("a"), b("v0"))), 0);
    }
    try (VosPool p = VosPool.open(dir, 0, opts)) {
      assertFalse(p.writeMap(), "reopening does not reserve a map create did not");
    }
    try (VosPool p = VosPool.createReserved(dir, 1, opts, 0)) {
      assertTrue(p.writeMap(), "create reserves data.mdb to the map, then reopens writing through it");
      VosContainer c = p.createContainer(u);
      for (int i = 0; i < 200; i++) {
        c.update(5 + i, OID, b("d" + i), List.of(Iod.single(b("a"), VosFixture.random(i % 2 == 0 ? 64 : 8192, i))), 0);
      }
    }
    try (VosPool p = VosPool.open(dir, 1, opts)) {
      assertTrue(p.writeMap());
      VosContainer c = p.openContainer(u);
      for (int i = 0; i < 200; i++) {
        assertArrayEquals(VosFixture.random(i % 2 == 0 ? 64 : 8192, i),
            c.fetch(-1, OID, b("d" + i), List.of(Iod.fetchSingle(b("a"))), 0).get(0).data(), "value " + i);
      }
    }
  }

  @Test
  @DisplayName("create reserves the target's blob share; values written into it read back")
  void createReservesTheBlob() throws Exception {
    UUID u = UUID.randomUUID();
    byte[] big = new byte[64 << 10];
    java.util.Arrays.fill(big, (byte) 7);
    try (VosPool p = VosPool.create(dir, 0, VosOptions.defaults(), 4L << 20)) {
      assertEquals(4L << 20, Files.size(dir.resolve("vos-0").resolve(Store.BLOB_FILE)));
      p.createContainer(u).update(5, OID, b("d"), List.of(Iod.single(b("a"), big)), 0);
      assertArrayEquals(big, p.openContainer(u).fetch(5, OID, b("d"), List.of(Iod.fetchSingle(b("a"))), 0)
          .get(0).data());
    }
  }

  @Test
  @DisplayName("a blob share the file system cannot hold: DER_NOSPACE and no target left behind")
  void createBeyondTheFileSystemIsNoSpace() {
    DaosException e = assertThrows(DaosException.class,
        () -> VosPool.create(dir, 1, VosOptions.defaults(), 1L << 62));
    assertEquals(DaosStatus.NOSPACE, e.status());
    assertTrue(e.getMessage().contains("create a smaller pool"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("vos-1")));
  }

  @Test
  @DisplayName("updates that fill the index stop at the SCM reserve: punches and a container destroy still run, a write"
      + " fits again")
  void updatesLeaveTheReserveForPunchesAndDestroy() {
    VosOptions opts = VosOptions.defaults().withMapSize(4L << 20);
    try (VosPool p = VosPool.create(dir, 0, opts)) {
      VosContainer c = p.createContainer(UUID.randomUUID());
      byte[] v = new byte[2000];
      int ok = 0;
      long epoch = 1;
      DaosException full = null;
      while (full == null) {
        // Batches of group-committed updates: the one that crosses the reserve fails alone.
        List<java.util.concurrent.CompletableFuture<Void>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
          batch.add(c.submitUpdate(epoch++, OID, b("d" + (ok + i)), List.of(Iod.single(b("a"), v)), 0));
        }
        p.commitPending();
        for (var f : batch) {
          try {
            f.join();
            ok++;
          } catch (java.util.concurrent.CompletionException e) {
            full = (DaosException) e.getCause();
            break;
          }
        }
      }
      assertEquals(DaosStatus.NOSPACE, full.status(), full.getMessage());
      assertTrue(full.getMessage().contains("kept for punches"), full.getMessage());
      assertTrue(ok > 500, ok + " updates fitted in a 4 MiB index");
      assertTrue(p.metaBytes() <= (4L << 20) - (200 << 10), "updates stopped at the reserve: " + p.metaBytes());
      c.punchDkeys(epoch++, OID, List.of(b("d1"), b("d2")), 0);
      assertEquals(0, c.fetch(epoch, OID, b("d1"), List.of(Iod.fetchSingle(b("a"))), 0).get(0).length());
      assertEquals(2000, c.fetch(epoch, OID, b("d3"), List.of(Iod.fetchSingle(b("a"))), 0).get(0).length());
      p.destroyContainer(c.uuid());
      VosContainer again = p.createContainer(UUID.randomUUID());
      again.update(epoch, OID, b("d"), List.of(Iod.single(b("a"), v)), 0);
      assertEquals(2000, again.fetch(epoch, OID, b("d"), List.of(Iod.fetchSingle(b("a"))), 0).get(0).length());
    }
  }

  @Test
  @DisplayName("bad keys and iods: DER_INVAL, DER_KEY2BIG (long lexical keys), DER_REC2BIG")
  void badInput() {
    try (VosFixture f = new VosFixture(dir)) {
      VosContainer c = f.cont;
      assertDer(DaosStatus.INVAL, () -> c.update(1, OID, new byte[0], List.of(Iod.single(b("a"), b("v"))), 0));
      assertDer(DaosStatus.INVAL, () -> c.update(1, OID, b("d"), List.of(Iod.single(new byte[0], b("v"))), 0));
      byte[] big = new byte[f.pool.maxInlineKeySize() + 1];
      VosObjectId lexical = VosObjectId.of(VosObjectId.OT_MULTI_LEXICAL, 1, 400);
      assertDer(DaosStatus.KEY2BIG, () -> c.update(1, lexical, big, List.of(Iod.single(b("a"), b("v"))), 0));
      assertDer(DaosStatus.KEY2BIG, () -> c.update(1, lexical, b("d"), List.of(Iod.single(big, b("v"))), 0));
      byte[] max = new byte[f.pool.maxInlineKeySize()];
      c.update(1, lexical, max, List.of(Iod.single(max, b("v"))), 0);
      c.update(1, OID, big, List.of(Iod.single(big, b("v"))), 0);
      assertDer(DaosStatus.INVAL, () -> c.update(1, VosFixture.UINT_OID, b("not-8-bytes"),
          List.of(Iod.single(VosFixture.u64(1), b("v"))), 0));
      assertDer(DaosStatus.INVAL, () -> c.update(1, OID, b("d"),
          List.of(Iod.single(b("a"), b("v")), Iod.single(b("a"), b("w"))), 0));
      assertDer(DaosStatus.INVAL, () -> c.update(0, OID, b("d"), List.of(Iod.single(b("a"), b("v"))), 0));
      c.update(2, OID, b("d"), List.of(Iod.single(b("a"), b("value"))), 0);
      assertDer(DaosStatus.REC2BIG, () -> c.fetch(2, OID, b("d"),
          List.of(new Iod(b("a"), IodType.SINGLE, 2, List.of(), null, 0)), 0));
    }
  }

  private static void assertDer(DaosStatus want, org.junit.jupiter.api.function.Executable op) {
    assertEquals(want, assertThrows(DaosException.class, op).status());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sync", "batch", "writemap"})
  @DisplayName("every acknowledged update survives a process halt without clean shutdown")
  void reopenDurability(String mode) throws Exception {
    UUID u = UUID.randomUUID();
    int n = 44;
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString(), u.toString(),
        Integer.toString(n), mode));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int acked = 0;
    boolean writeMap = false;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        writeMap |= line.equals("WRITEMAP");
        if (line.startsWith("ACK ")) {
          acked = Integer.parseInt(line.substring(4)) + 1;
        }
      }
    } finally {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer exits");
    }
    assertEquals(mode.equals("writemap"), writeMap, "commits write through the map only on a reserved map");
    assertEquals(mode.equals("sync") ? n : n / CrashWriter.GROUP * CrashWriter.GROUP, acked,
        "the writer acknowledges whole groups only");
    try (VosPool pool = VosPool.open(dir, 0, VosOptions.defaults().withMapSize(64L << 20))) {
      VosContainer c = pool.openContainer(u);
      for (int i = 0; i < acked; i++) {
        FetchedValue v = c.fetch(-1, OID, b("d" + i), List.of(Iod.fetchSingle(b("a"))), 0).get(0);
        assertArrayEquals(CrashWriter.value(i), v.data(), "update " + i);
      }
    }
  }
}
