package io.daos.dmg.command.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.common.PoolQueryMask;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolQueryTargetInfo;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.StorageMediaType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS TestDmg_PoolCommands query-targets cases, plus the all-indices path and text/JSON output. */
class PoolQueryTargetsCommandTest {
  @TempDir
  Path dir;

  private static PoolQueryTargetResp answer(PoolQueryTargetReq req) {
    PoolQueryTargetResp.Builder b = PoolQueryTargetResp.newBuilder();
    for (int ignored : req.getTargetsList()) {
      b.addInfos(PoolQueryTargetInfo.newBuilder().setState(PoolQueryTargetInfo.TargetState.UP_IN)
          .addSpace(io.daos.proto.mgmt.StorageTargetUsage.newBuilder().setTotal(1_000_000_000L).setFree(500_000_000L)
              .setMediaType(StorageMediaType.SCM))
          .addSpace(io.daos.proto.mgmt.StorageTargetUsage.newBuilder().setMediaType(StorageMediaType.NVME)));
    }
    return b.build();
  }

  private final FakeControlInvoker fake = new FakeControlInvoker()
      .onRequest("PoolQueryTarget", req -> answer((PoolQueryTargetReq) req));

  @Test
  void queryPoolTargetsNoArguments() throws Exception {
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "query-targets", "mypool");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("Missing required option: '--rank=<rank>'"), r.err());
  }

  @Test
  void queryPoolTargetsNoRankArgument() throws Exception {
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "query-targets", "mypool", "--target-idx=1");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("Missing required option: '--rank=<rank>'"), r.err());
  }

  @Test
  void queryPoolTargetsSpecificIndices() throws Exception {
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "query-targets", "mypool", "--rank=1", "--target-idx=1,3");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(PoolQueryTargetReq.newBuilder().setSys("daos_server").setId("mypool").setRank(1)
        .addTargets(1).addTargets(3).build()), fake.requests);
    String tgt = "Target: state up_in\n- Storage tier 0 (SCM):\n  Total size: 1.0 GB\n  Free: 500 MB\n"
        + "- Storage tier 1 (NVME):\n  Total size: 0 B\n  Free: 0 B\n";
    assertEquals(tgt + tgt, r.out());
  }

  @Test
  void queryPoolTargetsAllIndicesPoolQueryFails() throws Exception {
    fake.on("PoolQuery", new DaosException(DaosStatus.NONEXIST));
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "query-targets", "mypool", "--rank=1");
    assertEquals(1, r.exit());
    assertEquals(PoolQueryReq.newBuilder().setSys("daos_server").setId("mypool").setQueryMask(PoolQueryMask.DEFAULT)
        .build(), fake.requests.get(0));
    assertTrue(r.err().startsWith("ERROR: dmg: pool query failed: "), r.err());
  }

  @Test
  void allIndicesFromTargetsPerEngine() throws Exception {
    fake.on("PoolQuery", PoolQueryResp.newBuilder().setTotalTargets(8).setTotalEngines(2).build());
    DmgOutput r = DmgOutput.run(dir, fake, "-j", "pool", "query-targets", "mypool", "--rank", "0");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(0, 1, 2, 3), ((PoolQueryTargetReq) fake.requests.get(1)).getTargetsList());
    JsonObject resp = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("response");
    assertEquals(4, resp.getAsJsonArray("Infos").size());
    assertEquals("up_in", resp.getAsJsonArray("Infos").get(0).getAsJsonObject().get("target_state").getAsString());
  }

  @Test
  void noTargetCountIsAnError() throws Exception {
    fake.on("PoolQuery", PoolQueryResp.getDefaultInstance());
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "query-targets", "mypool", "--rank", "0");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("failed to derive target count from pool query"), r.err());
  }

  @Test
  void engineStatusIsAnError() throws Exception {
    fake.on("PoolQueryTarget", PoolQueryTargetResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build());
    DmgOutput r = DmgOutput.run(dir, fake, "pool", "query-targets", "mypool", "--rank", "0", "--target-idx", "9");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("ERROR: dmg: pool query targets failed: DER_NONEXIST(-1005)"), r.err());
  }
}
