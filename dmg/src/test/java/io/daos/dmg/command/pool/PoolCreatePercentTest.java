package io.daos.dmg.command.pool;

import static io.daos.dmg.command.pool.StorageFixtures.GB;
import static io.daos.dmg.command.pool.StorageFixtures.TB;
import static io.daos.dmg.command.pool.StorageFixtures.host;
import static io.daos.dmg.command.pool.StorageFixtures.joined;
import static io.daos.dmg.command.pool.StorageFixtures.nvme;
import static io.daos.dmg.command.pool.StorageFixtures.scm;
import static io.daos.dmg.command.pool.StorageFixtures.systemQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code dmg pool create -z N%}: DAOS's flag errors, poolCreateReqChkSizes and PoolCreateAllCmd cases. */
class PoolCreatePercentTest {
  private static final long GIB = 1L << 30;
  @TempDir
  Path dir;

  private static PoolCreateReq parse(String... args) {
    PoolCreateCommand c = new PoolCreateCommand();
    new CommandLine(c).parseArgs(args);
    return c.request("daos_server");
  }

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of("Create pool with incompatible arguments (% size nranks)", "--size=100%,--nranks=16",
            "--size=% may not be mixed with --nranks"),
        Arguments.of("Create pool with incompatible arguments (% size tier-ratio)", "--size=100%,--tier-ratio=16",
            "--size=% may not be mixed with --tier-ratio"),
        Arguments.of("Create pool with invalid arguments (too small ratio)", "--size=0%",
            "Creating DAOS pool with invalid full size ratio 0%: allowed range 0 < ratio <= 100"),
        Arguments.of("Create pool with invalid arguments (too big ratio)", "--size=101%",
            "Creating DAOS pool with invalid full size ratio 101%: allowed range 0 < ratio <= 100"),
        Arguments.of("Create pool with invalid arguments (not a number ratio)", "--size=x%",
            "invalid pool size ratio \"x%\": strconv.ParseUint: parsing \"x\": invalid syntax"),
        Arguments.of("Create pool with incompatible arguments (% size scm-size)", "--size=50%,--scm-size=1G",
            PoolCreateCommand.INCOMPAT_OPTS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFlags")
  void badFlags(String name, String flags, String want) {
    String[] f = flags.split(",");
    String[] args = Stream.concat(Stream.of("label"), Stream.of(f)).toArray(String[]::new);
    CommandError e = assertThrows(CommandError.class, () -> parse(args));
    assertEquals(want, e.getMessage());
  }

  @Test
  void percentageLeavesSizesToTheScan() {
    PoolCreateReq r = parse("label", "-z", " 50 %");
    assertEquals(0, r.getTotalBytes());
    assertEquals(0, r.getTierRatioCount());
    assertEquals(0, r.getTierBytesCount());
  }

  static Stream<Arguments> chkSizes() {
    return Stream.of(
        Arguments.of("auto-percentage-size; not enough capacity", 0L, 0L, null, null),
        Arguments.of("auto-percentage-size; no nvme", 100 * GIB, 0L, 80 * GIB, 0L),
        Arguments.of("auto-percentage-size", 100 * GIB, 200 * GIB, 80 * GIB, 160 * GIB));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chkSizes")
  void poolCreateReqChkSizes(String name, long maxScm, long maxNvme, Long expScm, Long expNvme) {
    PoolMaxSize max = new PoolMaxSize(maxScm, maxNvme, List.of(0, 1));
    PoolCreateReq req = PoolCreateReq.newBuilder().setUuid("u").build();
    if (expScm == null) {
      CommandError e = assertThrows(CommandError.class, () -> PoolAutoSize.withTierBytes(req, max, 80));
      assertEquals("Not enough SCM storage available with ratio 80%: SCM storage capacity or ratio should be "
          + "increased", e.getMessage());
      return;
    }
    PoolCreateReq got = PoolAutoSize.withTierBytes(req, max, 80);
    assertEquals(List.of(expScm, expNvme), got.getTierBytesList());
    assertEquals(List.of(0, 1), got.getRanksList());
    assertEquals(0, got.getTotalBytes());
  }

  private static FakeControlInvoker cluster(List<HostResult<StorageScanResp>> hosts) {
    return new FakeControlInvoker().on("SystemQuery", systemQuery(joined(hosts)))
        .onHosts("StorageScan", List.copyOf(hosts))
        .onRequest("PoolCreate", req -> {
          PoolCreateReq r = (PoolCreateReq) req;
          return PoolCreateResp.newBuilder().setSvcLdr(0).addSvcReps(0).addAllTgtRanks(r.getRanksList())
              .addAllTierBytes(r.getTierBytesList()).build();
        });
  }

  @Test
  void singleServer30Percent() throws Exception {
    FakeControlInvoker fake = cluster(List.of(host("foo", List.of(scm(0)), List.of(nvme(0)))));
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "create", "tank", "-z", "30%");
    assertEquals(0, r.exit(), r.err());
    PoolCreateReq sent = (PoolCreateReq) fake.requests.get(fake.requests.size() - 1);
    assertEquals(List.of(30 * GB, 300 * GB), sent.getTierBytesList());
    assertEquals(List.of(0), sent.getRanksList());
    assertTrue(fake.requests.stream().anyMatch(q -> q instanceof StorageScanReq s && s.getScm().getUsage()));
    assertTrue(r.out().startsWith("Creating DAOS pool with 30% of all storage\n"), r.out());
    assertTrue(r.out().contains("Storage tier 1 (NVMe): 300 GB (300 GB / rank)"), r.out());
  }

  @Test
  void doubleServer100Percent() throws Exception {
    FakeControlInvoker fake = cluster(List.of(host("foo", List.of(scm(0)), List.of(nvme(0))),
        host("bar", List.of(scm(1, 50 * GB)), List.of(nvme(1, 2 * TB)))));
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "create", "tank", "-z", "100%");
    assertEquals(0, r.exit(), r.err());
    PoolCreateReq sent = (PoolCreateReq) fake.requests.get(fake.requests.size() - 1);
    assertEquals(List.of(50 * GB, TB), sent.getTierBytesList());
    assertEquals(List.of(0, 1), sent.getRanksList());
  }

  @Test
  void singleServerError1Percent() throws Exception {
    FakeControlInvoker fake = cluster(List.of(host("foo", List.of(scm(0, 1)), List.of(nvme(0)))));
    DmgOutput r = DmgOutput.run(dir, fake, "-j", "pool", "create", "tank", "-z", "1%");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("ERROR: dmg: failed to generate PoolCreate request: Not enough SCM storage "
        + "available with ratio 1%"), r.err());
    assertTrue(r.out().contains("\"error\": \"failed to generate PoolCreate request: Not enough SCM"), r.out());
  }
}
