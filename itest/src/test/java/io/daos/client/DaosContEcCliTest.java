package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.dfs.Dfs;
import io.daos.client.dfs.DfsAttr;
import io.daos.client.obj.Recx;
import io.daos.client.obj.RecxPage;
import io.daos.client.obj.Anchor;
import io.daos.client.obj.Keys;
import io.daos.itest.InProcessCluster;
import io.daos.itest.MiniDaosCluster;
import io.daos.placement.Shard;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.placement.object.Redundancy;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import io.daos.tool.Daos;
import io.daos.tool.api.LibdaosApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daos container create --type POSIX --oclass EC_4P2GX --properties rd_fac:2,ec_cell_sz:64KiB} through the
 * daos tool's entry ({@code Daos.run}, as {@code bin/daos} runs it) on an in-process cluster of 6 ranks × 1
 * target: what {@code get-prop} and {@code query} print, and that a file-data array created as DFS creates it
 * (class from the superblock, {@code DAOS_OT_ARRAY_BYTE}) is EC 4+2 with 64 KiB cells and reads back byte-exact.
 * On a pool of 4 ranks the class cannot be placed and the create fails as DAOS's does (DER_INVAL).
 */
class DaosContEcCliTest {
  private static final long MIB = 1 << 20;
  static InProcessCluster sys;

  @TempDir
  static Path tmp;

  TestSystem cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    sys = MiniDaosCluster.builder(tmp).inProcess().servers(6).engines(1).targets(1).replicas(1).crtTimeout(10)
        .start();
    sys.waitForReady();
  }

  @AfterAll
  static void stopCluster() {
    if (sys != null) {
      sys.close();
    }
  }

  @BeforeEach
  void setUp() {
    cluster = new TestSystem(sys, "ecpool", (1L << 30) / 6, 3);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private record Run(int rc, String out, String err) {
  }

  private Run daos(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Daos.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        LibdaosApi.factory(() -> cluster.clientBuilder().build()), ZoneOffset.UTC);
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertRow(String out, String name, String value) {
    Pattern p = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s+:?\\s*" + Pattern.quote(value) + "\\s*$");
    assertTrue(p.matcher(out).find(), "row \"" + name + "\" = \"" + value + "\" in:\n" + out);
  }

  @Test
  @Timeout(120)
  void cont_create_posix_oclass_ec_4p2gx_with_cell_size() {
    Run c = daos("container", "create", "ecpool", "ecposix", "--type", "POSIX", "--oclass", "EC_4P2GX",
        "--properties", "rd_fac:2,ec_cell_sz:64KiB");
    assertEquals(0, c.rc(), c.err());
    assertTrue(c.out().contains("Successfully created container ") && c.out().contains(" type POSIX"), c.out());

    Run props = daos("container", "get-prop", "ecpool", "ecposix");
    assertEquals(0, props.rc(), props.err());
    assertRow(props.out(), "EC Cell Size (ec_cell_sz)", "64 KiB");
    assertRow(props.out(), "Redundancy Factor (0-4) (rd_fac)", "2");
    assertRow(props.out(), "Layout Type (unknown, POSIX, HDF5, PYTHON, SPARK, DATABASE, ROOT, SEISMIC, METEO) "
        + "(layout_type)", "POSIX");
    assertTrue(Pattern.compile("(?m)^Root OIDs \\(root_oids\\)\\s+\\d+\\.0, \\d+\\.0\\s*$").matcher(props.out()).find(),
        props.out());

    Run q = daos("container", "query", "ecpool", "ecposix");
    assertEquals(0, q.rc(), q.err());
    assertRow(q.out(), "Container Type", "POSIX");
    assertRow(q.out(), "Object Class", "EC_4P2GX");
    assertRow(q.out(), "Dir Object Class", "EC_4P2GX");
    assertRow(q.out(), "File Object Class", "EC_4P2GX");
    assertRow(q.out(), "Chunk Size", "1.0 MiB"); // suggest_dfs_cs: 4 × 64 KiB raised to 1 MiB

    try (DaosClient client = cluster.clientBuilder().rpcTimeout(Duration.ofSeconds(10)).build()) {
      DaosPool pool = client.connectPool("ecpool", PoolRpc.PC_RW);
      DaosContainer cont = pool.openContainer("ecposix", ContRpc.COO_RW);
      DfsAttr attr = Dfs.query(cont);
      assertEquals(ObjectClass.EC_4P2GX.id(), attr.fileOclass());
      assertEquals(MIB, attr.chunkSize());
      // A DFS file's data: DAOS_OT_ARRAY_BYTE of the superblock's file class, "X" fitted to the pool's targets.
      ObjectId oid = cont.generateOid(ObjectType.ARRAY_BYTE, DfsAttr.classOf(attr.fileOclass()), 0);
      assertEquals(Redundancy.RS_4P2.number(), oid.ordinal());
      assertEquals(1, oid.groups(), "6 targets hold one 4+2 group");
      DaosArray a = cont.openArrayWithAttr(oid, 1, attr.chunkSize());
      assertEquals(64 * 1024, a.object().ec().cellRecords());
      List<Shard> group = a.object().layout().group(0);
      assertEquals(6, group.size());
      Set<Integer> ranks = group.stream().map(Shard::rank).collect(Collectors.toSet());
      assertEquals(6, ranks.size(), "one shard per fault domain: " + group);
      byte[] data = ClientTestBase.random((int) (2 * MIB + 70_001), 7);
      a.write(100_003, data);
      assertArrayEquals(data, a.read(100_003, data.length));
      assertArrayEquals(new byte[100_003], a.read(0, 100_003));
      assertEquals(100_003 + data.length, a.getSize());
      RecxPage p = a.object().listRecx(Keys.u64(1), new byte[] {'0'}, Anchor.start(), 10);
      assertEquals(List.of(new Recx(100_003, MIB - 100_003)), p.recxs());
      // An automatic class (OC_UNKNOWN) for a byte array in this rd_fac 2 container on 6 domains is EC 2+2.
      assertEquals(Redundancy.RS_2P2.number(), cont.generateOid(ObjectType.ARRAY_BYTE, null, 0).ordinal());
      assertEquals(Redundancy.RP_3.number(), cont.generateOid(ObjectType.KV_HASHED, null, 0).ordinal());
    }

    Run plain = daos("container", "create", "ecpool", "plain", "--oclass", "EC_4P2GX");
    assertEquals(0, plain.rc(), plain.err());
    assertTrue(plain.out().contains(" type unknown"), plain.out());
    Run pq = daos("container", "query", "ecpool", "plain");
    assertTrue(!pq.out().contains("Object Class"), "--oclass is a DFS attribute, ignored without --type POSIX: "
        + pq.out());
  }

  @Test
  @Timeout(120)
  void cont_create_oclass_too_few_fault_domains() {
    List<Integer> four = sys.engines().stream().map(e -> e.engine().state().rank().orElse(-1)).sorted().limit(4)
        .toList();
    sys.createPool("fewpool", (1L << 30) / 6, 1, four);
    Run c = daos("container", "create", "fewpool", "ecfew", "--type", "POSIX", "--oclass", "EC_4P2GX");
      assertEquals(1, c.rc(), c.out());
      assertTrue(c.err().startsWith("ERROR: daos: failed to create container: DER_INVAL(-1003)"), c.err());
      Run l = daos("container", "list", "fewpool");
      assertEquals(0, l.rc(), l.err());
      assertTrue(l.out().contains("No containers."), "nothing created: " + l.out());
      Run ok = daos("container", "create", "fewpool", "ec2p1", "--type", "POSIX", "--oclass", "EC_2P1GX",
          "--properties", "rd_fac:1");
      assertEquals(0, ok.rc(), ok.err());
  }
}
