package io.daos.itest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosObject;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Recx;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Bad input through libdaos against the real system: DAOS's error codes, and every daemon keeps serving. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.PROCESSES)
class DataBadInputTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;
  private DataSystem sys;
  private DaosClient client;
  private DaosPool pool;
  private DaosContainer cont;

  @BeforeAll
  void start() throws Exception {
    sys = DataSystem.start(dir, "bad", "8G");
    client = sys.client();
    pool = client.connectPool("bad", DaosPool.RW);
    pool.createContainer(ContainerProps.empty().withLabel("c"));
    cont = pool.openContainer("c", DaosContainer.RW);
  }

  @AfterAll
  void stop() throws Exception {
    try (DataSystem s = sys; DaosClient c = client) {
      if (cont != null) {
        cont.close();
      }
      if (pool != null) {
        pool.close();
      }
    }
  }

  private static void assertStatus(DaosStatus want, Executable e) {
    DaosException x = assertThrows(DaosException.class, e);
    assertEquals(want, x.status(), x.toString());
  }

  @Test
  @Order(1)
  void unknownPoolIsNonexist() {
    assertStatus(DaosStatus.NONEXIST, () -> client.connectPool("nosuchpool", DaosPool.RW));
    assertStatus(DaosStatus.NONEXIST, () -> client.connectPool("5a1b8c2e-0000-4000-8000-000000000001",
        DaosPool.RW));
  }

  @Test
  @Order(2)
  void unknownContainerIsNonexist() {
    assertStatus(DaosStatus.NONEXIST, () -> pool.openContainer("nosuchcont", DaosContainer.RW));
    assertStatus(DaosStatus.NONEXIST, () -> pool.openContainer("5a1b8c2e-0000-4000-8000-000000000002",
        DaosContainer.RO));
  }

  @Test
  @Order(3)
  void readOnlyHandleWritingIsNoPerm() {
    var oid = cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0);
    cont.openKv(oid).put("k", "v".getBytes(UTF_8));
    try (DaosContainer ro = pool.openContainer("c", DaosContainer.RO)) {
      DaosKv kv = ro.openKv(oid);
      assertStatus(DaosStatus.NO_PERM, () -> kv.put("k", "w".getBytes(UTF_8)));
      assertArrayEquals("v".getBytes(UTF_8), kv.get("k"), "a RO handle must still read");
    }
  }

  @Test
  @Order(4)
  void zeroLengthKeysAreInval() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.SX, 0));
    assertStatus(DaosStatus.INVAL, () -> o.update(new byte[0], List.of(Iod.single(Iod.key("a"), new byte[1]))));
    assertStatus(DaosStatus.INVAL, () -> o.update(Iod.key("d"), List.of(Iod.single(new byte[0], new byte[1]))));
    assertStatus(DaosStatus.INVAL, () -> o.fetch(new byte[0], List.of(Iod.singleFetch(Iod.key("a"), 8))));
  }

  @Test
  @Order(5)
  void recordSizeMismatchOnAnArrayAkeyIsInval() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.SX, 0));
    byte[] dk = Iod.key("d");
    o.update(dk, List.of(Iod.array(Iod.key("a"), 4, List.of(new Recx(0, 4)), new byte[16])));
    assertStatus(DaosStatus.INVAL, () -> o.update(dk, List.of(Iod.array(Iod.key("a"), 8, List.of(new Recx(4, 2)),
        new byte[16]))));
    byte[] back = o.fetch(dk, List.of(Iod.arrayFetch(Iod.key("a"), 4, List.of(new Recx(0, 4))))).get(0).data();
    assertArrayEquals(new byte[16], back);
  }

  @Test
  @Order(6)
  void oversizedKeyIsKey2big() {
    DaosObject o = cont.openObject(cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.SX, 0));
    // Keys of any size up to the 4 MiB request body are stored (DAOS takes 1 MiB keys); one over it is refused alone.
    byte[] huge = new byte[5 << 20];
    java.util.Arrays.fill(huge, (byte) 'k');
    assertStatus(DaosStatus.KEY2BIG, () -> o.update(huge, List.of(Iod.single(Iod.key("a"), new byte[1]))));
    assertStatus(DaosStatus.KEY2BIG, () -> o.update(Iod.key("d"), List.of(Iod.single(huge, new byte[1]))));
  }

  @Test
  @Order(7)
  void clientKilledMidBulkLeavesEveryDaemonServing() throws Exception {
    List<ProcessHandle> engines = sys.server().engineProcesses();
    assertEquals(2, engines.size());
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BulkWriterMain.class.getName(),
        sys.server().dir().resolve("agent/run").toString(), "bad", "c").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals("writing")) {
        seen.append(line).append('\n');
      }
      assertTrue(child.isAlive(), "the writer died before writing: " + seen);
      while ((line = out.readLine()) != null && !line.equals("wrote 0")) {
        seen.append(line).append('\n');
      }
      assertTrue(child.isAlive(), "the writer died in its first write: " + seen);
      child.destroyForcibly(); // the second 64 MiB write is under way
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }
    assertTrue(sys.server().process().isAlive(), "daos_server died");
    for (ProcessHandle e : engines) {
      assertTrue(e.isAlive(), "engine " + e.pid() + " died after a client was killed mid-bulk");
    }
    sys.server().waitForAll("joined", Duration.ofSeconds(10));
    DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
    byte[] v = new byte[1 << 20];
    new java.util.Random(3).nextBytes(v);
    kv.put("after", v);
    assertArrayEquals(v, kv.get("after"));
    try (DaosClient fresh = sys.client(); DaosPool p = fresh.connectPool("bad", DaosPool.RO)) {
      assertEquals("c", p.listContainers().get(0).label());
    }
  }
}
